package vn.doanthanhnien.admission.process;

import java.util.Map;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;

/** Ids of processes/party-admission.bpmn that Java relies on; keep them in step with the model. */
public final class PartyAdmissionProcess {

  public static final String KEY = "party-admission";
  public static final String NOMINATION = "nominationSubmitted";
  public static final String WITHDRAWAL_MESSAGE = "candidacyWithdrawn";

  /** Set on the process instance at nomination; every candidate-group expression of the model uses them. */
  public static final class Var {
    public static final String CANDIDACY_ID = "candidacyId";
    public static final String MEMBER_CODE = "memberCode";
    public static final String NOMINATION_REASON = "nominationReason";
    public static final String BRANCH_CODE = "branchCode";
    public static final String YOUTH_UNIT_CODE = "youthUnitCode";
    public static final String PARTY_CELL_CODE = "partyCellCode";
    public static final String PARTY_COMMITTEE_CODE = "partyCommitteeCode";
    public static final String SUPERIOR_COMMITTEE_CODE = "superiorCommitteeCode";
    /** Transient: lives only in the transaction that correlates the withdrawal. */
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    private Var() {
    }
  }

  /** How each end event closes the candidacy; any end event not listed is a rejection. */
  public static final Map<String, CandidacyStatus> END_STATUS = Map.of(
      "memberAdmitted", CandidacyStatus.ADMITTED,
      "candidacyWithdrawn", CandidacyStatus.WITHDRAWN);

  private PartyAdmissionProcess() {
  }
}
