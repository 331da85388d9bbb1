package vn.doanthanhnien.admission.process;

import java.util.Map;

/** Ids of processes/probation.bpmn that Java relies on; keep them in step with the model. */
public final class ProbationProcess {

  public static final String KEY = "probation";
  public static final String CELL_VOTE = "recordProbationCellVote";
  public static final String COMMITTEE_VOTE = "recordProbationCommitteeVote";
  public static final String RECOGNISED = "fullMembershipRecognised";

  /** Each end event and the vote that decided it. */
  public static final Map<String, String> DECIDED_AT = Map.of(
      RECOGNISED, COMMITTEE_VOTE,
      "notRecognisedByCell", CELL_VOTE,
      "notRecognisedByCommittee", COMMITTEE_VOTE);

  /**
   * Working days after the end of probation within which the vote is due: the model's due date of {@link #CELL_VOTE}
   * says the same; the API uses this only to announce the due date before that task exists.
   */
  public static final int VOTE_WITHIN_WORKING_DAYS = 30;

  /**
   * Set when the instance starts, besides the candidacy's id, member and unit codes, which keep the names of
   * {@link PartyAdmissionProcess.Var}.
   */
  public static final class Var {
    /** ISO date of the admission ceremony, from which the twelve months run. */
    public static final String CEREMONY_DATE = "ceremonyDate";
    /** ISO date on which the twelve months are over: the cell may meet from this day on. */
    public static final String PROBATION_END_DATE = "probationEndDate";

    private Var() {
    }
  }

  private ProbationProcess() {
  }
}
