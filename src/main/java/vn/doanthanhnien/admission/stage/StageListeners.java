package vn.doanthanhnien.admission.stage;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.RefusedSubmissions;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.process.ProbationProcess;
import vn.doanthanhnien.admission.probation.ProbationService;
import vn.doanthanhnien.admission.verification.BackgroundSubjects;

/**
 * Glue between the engine and {@link StageRecorder}, attached to every user task by {@link StageListenersPlugin}.
 * Completion is checked when the task's activity ends rather than in a task listener: the engine wraps task listener
 * exceptions in a generic error, while this one reaches REST and Tasklist as a form validation error (HTTP 400).
 */
@Component
public class StageListeners {

  private static final Logger LOG = LoggerFactory.getLogger(StageListeners.class);

  private final StageRecorder recorder;
  private final CandidacyService candidacies;
  private final ProbationService probations;
  private final StageForms forms;
  private final CurrentUser user;
  private final MeterRegistry meters;

  public StageListeners(StageRecorder recorder, CandidacyService candidacies, ProbationService probations,
      StageForms forms, CurrentUser user, MeterRegistry meters) {
    this.meters = meters;
    this.recorder = recorder;
    this.forms = forms;
    this.candidacies = candidacies;
    this.probations = probations;
    this.user = user;
  }

  public void taskCreated(DelegateTask task) {
    candidacies.enterStage(candidacyId(task.getExecution()), task.getTaskDefinitionKey(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
    String subject = BackgroundSubjects.label(task.getVariable(BackgroundSubjects.SUBJECT));
    if (subject != null) {
      task.setName(task.getName() + ": " + subject);
      task.setVariableLocal(BackgroundSubjects.SUBJECT_LABEL, subject);
    }
  }

  public void taskActivityEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String taskKey = execution.getCurrentActivityId();
    StageForm form = forms.of(execution.getProcessDefinitionId(), taskKey);
    Map<String, Object> submitted = execution.getVariables();
    Map<String, Object> result;
    try {
      result = recorder.complete(form, candidacyId(execution), submitted, user.id());
    } catch (InvalidInputException e) {
      LOG.info("Submission of task {} refused: {} problem(s)", taskKey, e.getReasons().size());
      RefusedSubmissions.count(meters, taskKey, "stage-rules");
      throw new FormFieldValidationException(taskKey, e.getMessage());
    }
    // The raw fields go, so a later form with a field of the same name (votesFor) does not show this stage's value.
    form.form().keys().forEach(execution::removeVariable);
    execution.setVariables(result);
  }

  /** From the business key, checked against the instance the candidacy (or its probation) was started in. */
  private Long candidacyId(DelegateExecution execution) {
    return ProbationProcess.KEY.equals(((ExecutionEntity) execution).getProcessDefinition().getKey())
        ? probations.candidacyOf(execution) : candidacies.idOf(execution);
  }
}
