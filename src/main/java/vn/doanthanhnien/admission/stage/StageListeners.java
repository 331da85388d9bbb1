package vn.doanthanhnien.admission.stage;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.RefusedSubmissions;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberService;
import vn.doanthanhnien.admission.member.Mentors;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Task;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;
import vn.doanthanhnien.admission.process.ProbationProcess;
import vn.doanthanhnien.admission.probation.ProbationService;
import vn.doanthanhnien.admission.unit.UnitService;
import vn.doanthanhnien.admission.stall.StageTimes;
import vn.doanthanhnien.admission.verification.BackgroundSubjects;

/**
 * Glue between the engine and {@link StageRecorder}, attached to every user task by {@link StageListenersPlugin}.
 * Completion is checked when the task's activity ends rather than in a task listener: the engine wraps task listener
 * exceptions in a generic error, while this one reaches REST and Tasklist as a form validation error (HTTP 400).
 */
@Component
public class StageListeners {

  private static final Logger LOG = LoggerFactory.getLogger(StageListeners.class);
  private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final StageRecorder recorder;
  private final CandidacyService candidacies;
  private final ProbationService probations;
  private final StageForms forms;
  private final CurrentUser user;
  private final MemberService members;
  private final UnitService units;
  private final MeterRegistry meters;
  private final StageTimes stageTimes;
  private final HistoryService history;
  private final EngineAsSystem system;
  private final Mentors mentors;

  public StageListeners(StageRecorder recorder, CandidacyService candidacies, ProbationService probations,
      StageForms forms, CurrentUser user, MemberService members, UnitService units, MeterRegistry meters,
      StageTimes stageTimes, HistoryService history, EngineAsSystem system, Mentors mentors) {
    this.stageTimes = stageTimes;
    this.history = history;
    this.system = system;
    this.mentors = mentors;
    this.members = members;
    this.units = units;
    this.meters = meters;
    this.recorder = recorder;
    this.forms = forms;
    this.candidacies = candidacies;
    this.probations = probations;
    this.user = user;
  }

  public void taskCreated(DelegateTask task) {
    Long candidacyId = candidacyId(task.getExecution());
    candidacies.enterStage(candidacyId, task.getTaskDefinitionKey(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
    // From the execution, whose variables the engine holds already: the task's own, asked first by task.getVariable,
    // are none yet and would cost a query for each task created.
    String subject = BackgroundSubjects.label(task.getExecution().getVariable(BackgroundSubjects.SUBJECT));
    if (subject != null) {
      task.setName(task.getName() + ": " + subject);
      task.setVariableLocal(BackgroundSubjects.SUBJECT_LABEL, subject);
    }
    Candidacy candidacy = candidacies.get(candidacyId);
    nameAfterMember(task, candidacy);
    if (Task.INTRODUCER.equals(task.getTaskDefinitionKey())) {
      offerMentorAsIntroducer(task, candidacy);
    }
  }

  /**
   * The member's mentor, read from the registry as the task is created (so one assigned after the nomination counts
   * too), as the task's own variables named after the form's fields: Tasklist fills a form field from the variable of
   * its key, so the officer sees the mentor already entered and may change it. Local to the task, so that the value
   * submitted is what the stage records.
   */
  private void offerMentorAsIntroducer(DelegateTask task, Candidacy candidacy) {
    mentors.assigned(candidacy.getMemberCode()).ifPresent(mentor -> {
      task.setVariableLocal(PartyAdmissionProcess.INTRODUCER_NAME.field(), mentor.getMentorName());
      if (mentor.getMentorOfficialSince() != null) {
        task.setVariableLocal(PartyAdmissionProcess.INTRODUCER_OFFICIAL_SINCE.field(),
            mentor.getMentorOfficialSince().toString());
      }
    });
  }

  /**
   * Says on the task whom it is about, as Tasklist shows it on the card and above the form and searches it by name:
   * "Ghi kết quả biểu quyết của chi đoàn — Nguyễn Văn An (Chi đoàn Vụ Tổng hợp)". The name and birth date are read
   * from the registry now, so a correction there shows on the next task, the branch's name as the unit tree holds it
   * ({@link UnitService#nameOf}); the forms' headers read them too.
   */
  private void nameAfterMember(DelegateTask task, Candidacy candidacy) {
    Optional<Member> member = members.registered(candidacy.getMemberCode());
    if (member.isEmpty()) {
      return;
    }
    String branch = units.nameOf(candidacy.getBranchCode());
    Map<String, Object> about = Map.of(Var.MEMBER_FULL_NAME, member.get().getFullName(),
        Var.MEMBER_BIRTH_DATE, BIRTH_DATE.format(member.get().getBirthDate()), Var.BRANCH_NAME, branch);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    about.forEach((name, value) -> {
      if (!value.equals(instance.getVariable(name))) {
        instance.setVariable(name, value);
      }
    });
    task.setName(abbreviate(task.getName() + " — " + member.get().getFullName() + " (" + branch + ")"));
  }

  /** The engine keeps a task's name in 255 characters. */
  private static String abbreviate(String name) {
    return name.length() <= 255 ? name : name.substring(0, 254) + "…";
  }

  public void taskActivityEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String taskKey = execution.getCurrentActivityId();
    StageForm form = forms.of(execution.getProcessDefinitionId(), taskKey);
    Map<String, Object> submitted = execution.getVariables();
    Map<String, Object> result;
    Long candidacyId = candidacyId(execution);
    try {
      result = recorder.complete(form, candidacyId, submitted, user.id());
    } catch (InvalidInputException e) {
      LOG.info("Submission of task {} refused: {} problem(s)", taskKey, e.getReasons().size());
      RefusedSubmissions.count(meters, taskKey, "stage-rules");
      throw new FormFieldValidationException(taskKey, e.getMessage());
    }
    if (!isProbation(execution)) {
      Candidacy candidacy = candidacies.get(candidacyId);
      Instant enteredAt = enteredAt(execution, candidacy);
      if (enteredAt != null) {
        stageTimes.completed(candidacy.getBranchCode(), taskKey, enteredAt);
      }
    }
    // The raw fields go, so a later form with a field of the same name (votesFor) does not show this stage's value.
    form.form().keys().forEach(execution::removeVariable);
    execution.setVariables(result);
  }

  /** From the business key, checked against the instance the candidacy (or its probation) was started in. */
  private Long candidacyId(DelegateExecution execution) {
    return isProbation(execution) ? probations.candidacyOf(execution) : candidacies.idOf(execution);
  }

  private static boolean isProbation(DelegateExecution execution) {
    return ProbationProcess.KEY.equals(((ExecutionEntity) execution).getProcessDefinition().getKey());
  }

  /**
   * When the task being completed was created: the candidacy's record of its open stage (no query), or, when the
   * candidacy has moved to a parallel stage since or entered it before that was recorded, the engine's history.
   */
  private Instant enteredAt(DelegateExecution execution, Candidacy candidacy) {
    if (execution.getCurrentActivityId().equals(candidacy.getStage()) && candidacy.getStageEnteredAt() != null) {
      return candidacy.getStageEnteredAt();
    }
    HistoricActivityInstance visit = system.call(() -> history.createHistoricActivityInstanceQuery()
        .activityInstanceId(execution.getActivityInstanceId()).singleResult());
    return visit == null ? null : visit.getStartTime().toInstant();
  }
}
