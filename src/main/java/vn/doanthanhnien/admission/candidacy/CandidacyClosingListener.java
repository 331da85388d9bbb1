package vn.doanthanhnien.admission.candidacy;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;

/**
 * On every end event of the pipeline: closes the candidacy. A rejection's reason is the end event's name in the model
 * (editable in Modeler) followed by the result of the stage that failed.
 */
@Component("candidacyClosing")
public class CandidacyClosingListener implements ExecutionListener {

  /** How each end event closes the candidacy; any end event not listed is a rejection. */
  private static final Map<String, CandidacyStatus> END_STATUS = Map.of(
      PartyAdmissionProcess.ADMITTED_END, CandidacyStatus.ADMITTED,
      PartyAdmissionProcess.WITHDRAWN_END, CandidacyStatus.WITHDRAWN);

  private final CandidacyService candidacies;
  private final CurrentUser user;

  public CandidacyClosingListener(CandidacyService candidacies, CurrentUser user) {
    this.candidacies = candidacies;
    this.user = user;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Long id = candidacies.idOf(execution);
    CandidacyStatus outcome = END_STATUS.getOrDefault(execution.getCurrentActivityId(), CandidacyStatus.REJECTED);
    String reason = switch (outcome) {
      case ADMITTED, IN_PROGRESS -> null;
      case WITHDRAWN -> "Rút hồ sơ: " + execution.getVariable(Var.WITHDRAWAL_REASON);
      case REJECTED -> execution.getCurrentActivityName() + candidacies.lastStageSummary(id).map(s -> " (" + s + ")")
          .orElse("");
    };
    candidacies.close(id, outcome, reason, user.id());
  }
}
