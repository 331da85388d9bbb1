package vn.doanthanhnien.admission.deadline;

import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;

/**
 * The admission decision is due within 60 working days of the Party cell's resolution, extendable once by 30
 * (docs/domain.md, stage 11). The superior committee extends it; the due dates of the open decision stages move at once.
 */
@Service
public class DecisionDeadline {

  public static final String EXTENDED = PartyAdmissionProcess.Var.DECISION_DEADLINE_EXTENDED;
  static final String CELL_RESOLUTION_DATE = PartyAdmissionProcess.CELL_RESOLUTION_DATE.variable();
  static final int WORKING_DAYS = 60;
  static final int EXTENSION = 30;
  private static final Set<String> STAGES = Set.of(PartyAdmissionProcess.Task.PARTY_COMMITTEE_VOTE,
      PartyAdmissionProcess.Task.ADMISSION_DECISION);

  private final CandidacyService candidacies;
  private final UserScope scope;
  private final CurrentUser user;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final WorkingDays workingDays;
  private final DeadlineNotices notices;
  private final EngineAsSystem system;
  private final BusinessClock clock;

  public DecisionDeadline(CandidacyService candidacies, UserScope scope, CurrentUser user, TaskService tasks,
      RuntimeService runtime, WorkingDays workingDays, DeadlineNotices notices, EngineAsSystem system,
      BusinessClock clock) {
    this.candidacies = candidacies;
    this.scope = scope;
    this.user = user;
    this.tasks = tasks;
    this.runtime = runtime;
    this.workingDays = workingDays;
    this.notices = notices;
    this.system = system;
    this.clock = clock;
  }

  /**
   * The due date of the committee's vote and the decision, {@code ${decisionDeadline.dueAt(execution)}} in the model:
   * 17:00 on the 60th working day after the cell's resolution, the 90th once extended.
   */
  public Date dueAt(VariableScope execution) {
    return dueAt(execution.getVariable(CELL_RESOLUTION_DATE), Boolean.TRUE.equals(execution.getVariable(EXTENDED)));
  }

  private Date dueAt(Object cellResolutionDate, boolean extended) {
    return workingDays.dueAt(cellResolutionDate, extended ? WORKING_DAYS + EXTENSION : WORKING_DAYS);
  }

  /** @return the new due date */
  @Transactional
  public Date extend(Long candidacyId, String reason) {
    Candidacy candidacy = candidacies.readable(candidacyId);
    scope.requireRoleOver(candidacy.getBranchCode(), Roles.SUPERIOR_COMMITTEE);
    InputCheck in = new InputCheck(clock.zone());
    String why = in.text("Lý do gia hạn (reason)", reason, true, 1000);
    in.throwIfInvalid("Không thể gia hạn");
    return system.call(() -> {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(candidacyId)).list().stream()
          .filter(t -> STAGES.contains(t.getTaskDefinitionKey())).toList();
      if (open.isEmpty()) {
        throw new ConflictException("Hồ sơ " + candidacyId + " không ở bước chờ quyết định kết nạp, không thể gia hạn.");
      }
      String processInstanceId = open.get(0).getProcessInstanceId();
      if (Boolean.TRUE.equals(runtime.getVariable(processInstanceId, EXTENDED))) {
        throw new ConflictException("Thời hạn quyết định kết nạp của hồ sơ " + candidacyId
            + " đã được gia hạn một lần; không được gia hạn lần nữa.");
      }
      runtime.setVariable(processInstanceId, EXTENDED, true);
      Date due = dueAt(runtime.getVariable(processInstanceId, CELL_RESOLUTION_DATE), true);
      for (Task task : open) {
        task.setDueDate(due);
        tasks.saveTask(task);
      }
      notices.resetFor(open.stream().map(Task::getId).toList());
      candidacies.dueDateMoved(candidacyId, due.toInstant());
      candidacies.recordEvent(candidacyId, TimelineAction.DEADLINE_EXTENDED, user.id(),
          "Gia hạn quyết định kết nạp thêm " + EXTENSION + " ngày làm việc: " + why);
      return due;
    });
  }
}
