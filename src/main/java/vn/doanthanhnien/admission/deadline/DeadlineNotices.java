package vn.doanthanhnien.admission.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.deadline.DeadlineNotice.Kind;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * Reminders and escalations from the tasks' due dates, run by the {@code deadline-watch} process every hour. A task
 * due within {@value #REMIND_WORKING_DAYS} working days gets a reminder for its unit: a comment on the task, its
 * follow-up date set, a higher priority, an entry in the timeline. A task past its due date is escalated to the unit
 * above: a follow-up task in that unit's Tasklist and an entry in the timeline. Each happens once per task and due
 * date. Working from the due dates, rather than from a timer per task, also covers a due date an officer moved in
 * Tasklist or an administrator extended.
 */
@Component("deadlineNotices")
public class DeadlineNotices implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotices.class);
  static final int REMIND_WORKING_DAYS = 5;
  /** On a follow-up task: the overdue task it follows up. */
  static final String OVERDUE_TASK_ID = "overdueTaskId";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final TaskService tasks;
  private final DeadlineNoticeRepository notices;
  private final CandidacyService candidacies;
  private final UnitService units;
  private final WorkingDays workingDays;
  private final BusinessClock clock;
  private final EngineAsSystem system;

  public DeadlineNotices(TaskService tasks, DeadlineNoticeRepository notices, CandidacyService candidacies,
      UnitService units, WorkingDays workingDays, BusinessClock clock, EngineAsSystem system) {
    this.tasks = tasks;
    this.notices = notices;
    this.candidacies = candidacies;
    this.units = units;
    this.workingDays = workingDays;
    this.clock = clock;
    this.system = system;
  }

  /** Runs in the watch's job, in the engine's transaction: what one check sends is stored together or not at all. */
  @Override
  public void execute(DelegateExecution execution) {
    system.run(() -> {
      Instant now = clock.now();
      LocalDate lastRemindedDay = workingDays.plus(clock.today(), REMIND_WORKING_DAYS);
      Date horizon = Date.from(lastRemindedDay.plusDays(1).atStartOfDay(clock.zone()).toInstant());
      List<Task> due = tasks.createTaskQuery().processVariableValueLike(Var.CANDIDACY_ID, "%").dueBefore(horizon)
          .active().list();
      int reminders = 0;
      int escalations = 0;
      for (Task task : due) {
        Long candidacyId = Long.valueOf(String.valueOf(tasks.getVariable(task.getId(), Var.CANDIDACY_ID)));
        if (task.getDueDate().toInstant().isBefore(now)) {
          if (!notices.existsById(DeadlineNotice.idOf(task.getId(), Kind.ESCALATION))) {
            escalate(task, candidacyId, now);
            escalations++;
          }
        } else if (!notices.existsById(DeadlineNotice.idOf(task.getId(), Kind.REMINDER))) {
          remind(task, candidacyId, now);
          reminders++;
        }
      }
      int closed = closeFollowUpsOfFinishedTasks();
      if (reminders + escalations + closed > 0) {
        LOG.info("Deadline check: {} reminder(s), {} escalation(s), {} follow-up(s) closed", reminders, escalations,
            closed);
      }
    });
  }

  /** Forget what was sent for these tasks: their due date moved, so they are reminded and escalated anew. */
  public void resetFor(List<String> taskIds) {
    for (String taskId : taskIds) {
      for (Kind kind : Kind.values()) {
        notices.deleteById(DeadlineNotice.idOf(taskId, kind));
      }
    }
  }

  private void remind(Task task, Long candidacyId, Instant now) {
    String group = candidateGroup(task);
    String message = "Nhắc hạn: việc \"" + task.getName() + "\" của hồ sơ số " + candidacyId + " phải hoàn thành trước "
        + shown(task.getDueDate()) + ".";
    tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
    task.setFollowUpDate(Date.from(now));
    task.setPriority(Math.max(task.getPriority(), 75));
    tasks.saveTask(task);
    notices.save(new DeadlineNotice(task.getId(), Kind.REMINDER, candidacyId, now, group));
    candidacies.recordEvent(candidacyId, TimelineAction.REMINDED, null, message + " Đã nhắc " + group + ".");
  }

  private void escalate(Task task, Long candidacyId, Instant now) {
    String group = candidateGroup(task);
    String above = unitAbove(group);
    String message = "Quá hạn: việc \"" + task.getName() + "\" của hồ sơ số " + candidacyId + " (" + group
        + ") đã quá hạn " + shown(task.getDueDate()) + ".";
    Task followUp = tasks.newTask();
    followUp.setName("Đôn đốc hồ sơ số " + candidacyId + " quá hạn: " + task.getName());
    followUp.setDescription(message + " Đề nghị đơn vị cấp trên đôn đốc " + group + " hoàn thành.");
    followUp.setPriority(90);
    tasks.saveTask(followUp);
    tasks.addCandidateGroup(followUp.getId(), above);
    tasks.setVariablesLocal(followUp.getId(), Map.of(Var.CANDIDACY_ID, String.valueOf(candidacyId),
        Var.MEMBER_CODE, String.valueOf(tasks.getVariable(task.getId(), Var.MEMBER_CODE)),
        OVERDUE_TASK_ID, task.getId()));
    notices.save(new DeadlineNotice(task.getId(), Kind.ESCALATION, candidacyId, now, above));
    candidacies.recordEvent(candidacyId, TimelineAction.OVERDUE, null, message + " Đã báo " + above + ".");
  }

  /** A follow-up whose overdue task was completed or cancelled (a withdrawal, say) has nothing left to follow up. */
  private int closeFollowUpsOfFinishedTasks() {
    int closed = 0;
    for (Task followUp : tasks.createTaskQuery().taskVariableValueLike(OVERDUE_TASK_ID, "%").list()) {
      String overdueTaskId = (String) tasks.getVariableLocal(followUp.getId(), OVERDUE_TASK_ID);
      if (tasks.createTaskQuery().taskId(overdueTaskId).count() == 0) {
        tasks.createComment(followUp.getId(), null, "Việc quá hạn đã được xử lý; việc đôn đốc tự động kết thúc.");
        tasks.complete(followUp.getId());
        closed++;
      }
    }
    return closed;
  }

  private String candidateGroup(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(Roles.ADMIN_GROUP);
  }

  /** The group of the unit above the responsible one; administrators when no unit above has a role. */
  String unitAbove(String groupId) {
    return Roles.ofGroup(groupId)
        .map(role -> units.get(role.unitCode()).getParentCode())
        .map(units::get)
        .flatMap(parent -> Roles.ofUnitKind(parent.getKind()).map(role -> role.groupOf(parent.getCode())))
        .orElse(Roles.ADMIN_GROUP);
  }

  private String shown(Date date) {
    return SHOWN.format(date.toInstant().atZone(clock.zone()));
  }
}
