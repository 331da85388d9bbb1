package vn.doanthanhnien.admission.candidacy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;

/**
 * On every end event of the pipeline: closes the candidacy. A rejection's reason is the end event's name in the model
 * (editable in Modeler) followed by the result of the stage that failed.
 */
@Component("candidacyClosing")
public class CandidacyClosingListener implements ExecutionListener {

  private final CandidacyService candidacies;
  private final IdentityService identity;

  public CandidacyClosingListener(CandidacyService candidacies, IdentityService identity) {
    this.candidacies = candidacies;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Long id = Long.valueOf(execution.getProcessBusinessKey());
    CandidacyStatus outcome = PartyAdmissionProcess.END_STATUS.getOrDefault(execution.getCurrentActivityId(),
        CandidacyStatus.REJECTED);
    String reason = switch (outcome) {
      case ADMITTED, IN_PROGRESS -> null;
      case WITHDRAWN -> "Rút hồ sơ: " + execution.getVariable(Var.WITHDRAWAL_REASON);
      case REJECTED -> execution.getCurrentActivityName() + candidacies.lastStageSummary(id).map(s -> " (" + s + ")")
          .orElse("");
    };
    Authentication auth = identity.getCurrentAuthentication();
    candidacies.close(id, outcome, reason, auth == null ? null : auth.getUserId());
  }
}
