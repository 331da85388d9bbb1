package vn.doanthanhnien.admission.candidacy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.ForbiddenException;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.process.CandidacyWithdrawalProcess;

/**
 * Service task {@code withdrawCandidacy} of process {@code candidacy-withdrawal}: the Tasklist way to withdraw, by the
 * same rules as {@code POST /api/candidacies/{id}/withdraw}. A refusal fails the start form with its Vietnamese reason
 * (HTTP 400 in Tasklist), so nothing is stored.
 */
@Component("withdrawCandidacyDelegate")
public class WithdrawCandidacyDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(WithdrawCandidacyDelegate.class);
  static final String CANDIDACY_ID = CandidacyWithdrawalProcess.Var.CANDIDACY_ID;
  static final String REASON = CandidacyWithdrawalProcess.Var.REASON;

  private final CandidacyService candidacies;

  public WithdrawCandidacyDelegate(CandidacyService candidacies) {
    this.candidacies = candidacies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = String.valueOf(execution.getVariable(CANDIDACY_ID)).trim();
    if (!id.matches("[0-9]{1,18}")) {
      throw new FormFieldValidationException(CANDIDACY_ID, "Số hồ sơ phải là một số nguyên dương: " + id + ".");
    }
    try {
      candidacies.withdraw(Long.valueOf(id), (String) execution.getVariable(REASON));
    } catch (InvalidInputException | ForbiddenException | ConflictException | NotFoundException e) {
      LOG.info("Withdrawal of candidacy {} through Tasklist refused: {}", id, e.getClass().getSimpleName());
      throw new FormFieldValidationException(CANDIDACY_ID, "Không thể rút hồ sơ " + id + ": " + e.getMessage());
    }
    execution.setProcessBusinessKey(id);
  }
}
