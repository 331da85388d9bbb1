package vn.doanthanhnien.admission.process;

/** The names of processes/candidacy-withdrawal.bpmn (the Tasklist way to withdraw) that Java relies on. */
public final class CandidacyWithdrawalProcess {

  public static final String KEY = "candidacy-withdrawal";

  /** The fields of its start form, requestWithdrawal: the same names the pipeline's instance carries. */
  public static final class Var {
    public static final String CANDIDACY_ID = PartyAdmissionProcess.Var.CANDIDACY_ID;
    public static final String REASON = PartyAdmissionProcess.Var.WITHDRAWAL_REASON;

    private Var() {
    }
  }

  private CandidacyWithdrawalProcess() {
  }
}
