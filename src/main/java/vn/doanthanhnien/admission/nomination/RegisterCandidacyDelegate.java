package vn.doanthanhnien.admission.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.identity.CandidacyAuthorizations;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.nomination.NominationService.Nomination;
import vn.doanthanhnien.admission.nomination.NominationService.Nominator;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;
import vn.doanthanhnien.admission.unit.UnitChain;

/**
 * Service task {@code registerCandidacy}, in the transaction that starts the instance: a refused nomination throws a
 * form validation error, so the start fails with HTTP 400 and neither the instance nor a candidacy is stored.
 */
@Component("registerCandidacyDelegate")
public class RegisterCandidacyDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterCandidacyDelegate.class);

  private final NominationService nominations;
  private final CurrentUser user;
  private final CandidacyAuthorizations authorizations;

  public RegisterCandidacyDelegate(NominationService nominations, CurrentUser user,
      CandidacyAuthorizations authorizations) {
    this.nominations = nominations;
    this.user = user;
    this.authorizations = authorizations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Nomination nomination;
    try {
      Nominator nominator = user.id() == null ? null : new Nominator(user.id(), user.groupIds());
      nomination = nominations.nominate(execution.getVariable(Var.MEMBER_CODE),
          execution.getVariable(Var.NOMINATION_REASON), nominator, execution.getProcessInstanceId());
    } catch (InvalidInputException e) {
      LOG.info("Nomination of member {} refused: {} reason(s)", execution.getVariable(Var.MEMBER_CODE),
          e.getReasons().size());
      throw new FormFieldValidationException(Var.MEMBER_CODE, e.getMessage());
    }
    String candidacyId = String.valueOf(nomination.candidacy().getId());
    UnitChain units = nomination.units();
    execution.setProcessBusinessKey(candidacyId);
    authorizations.grantToUnitsOf(execution.getProcessInstanceId(), units);
    execution.removeVariable(Var.NOMINATION_REASON);
    execution.setVariables(Variables.createVariables()
        .putValue(Var.CANDIDACY_ID, candidacyId)
        .putValue(Var.BRANCH_CODE, units.branchCode())
        .putValue(Var.YOUTH_UNIT_CODE, units.youthUnitCode())
        .putValue(Var.PARTY_CELL_CODE, units.partyCellCode())
        .putValue(Var.PARTY_COMMITTEE_CODE, units.partyCommitteeCode())
        .putValue(Var.SUPERIOR_COMMITTEE_CODE, units.superiorCommitteeCode()));
  }
}
