package vn.doanthanhnien.admission.probation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;
import vn.doanthanhnien.admission.unit.UnitChain;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;

/**
 * Service task {@code startProbation} of the party-admission process, after the admission ceremony: starts the
 * member's probation. Asynchronous in the model, so a failure becomes an incident that an administrator retries.
 */
@Component("startProbationDelegate")
public class StartProbationDelegate implements JavaDelegate {

  static final String CEREMONY_DATE = PartyAdmissionProcess.CEREMONY_DATE.variable();

  private final ProbationService probations;
  private final CandidacyService candidacies;

  public StartProbationDelegate(ProbationService probations, CandidacyService candidacies) {
    this.probations = probations;
    this.candidacies = candidacies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitChain units = new UnitChain(text(execution, Var.BRANCH_CODE), text(execution, Var.YOUTH_UNIT_CODE),
        text(execution, Var.PARTY_CELL_CODE), text(execution, Var.PARTY_COMMITTEE_CODE),
        text(execution, Var.SUPERIOR_COMMITTEE_CODE));
    probations.start(candidacies.idOf(execution), text(execution, Var.MEMBER_CODE), units,
        text(execution, CEREMONY_DATE));
  }

  private static String text(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }
}
