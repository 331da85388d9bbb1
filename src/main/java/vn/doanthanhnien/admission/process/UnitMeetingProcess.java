package vn.doanthanhnien.admission.process;

/**
 * The names of processes/unit-meeting.bpmn (one meeting recorded for several candidacies in Tasklist) that Java relies
 * on. Which stage each of its user tasks records is the task's extension property {@link #STAGE_PROPERTY}; which of the
 * task form's fields are shared by the meeting and which are per person is the form's naming: {@code votesFor_3} is
 * the third listed candidate's.
 */
public final class UnitMeetingProcess {

  public static final String KEY = "unit-meeting";
  /** The extension property of a user task of the meeting process naming the pipeline's task it records. */
  public static final String STAGE_PROPERTY = "stage";
  /** A per-person field of a class or ceremony: whether the candidate attended; absent ones keep their task open. */
  public static final String ATTENDED = "attended";

  public static final class Var {
    /** Start form: the pipeline's task key the meeting records. */
    public static final String STAGE = "meetingStage";
    /** Start form (optional when the officer answers for one unit at that stage): the unit that met. */
    public static final String UNIT = "meetingUnitCode";
    /** The candidacies open at the stage in the unit, one object per person, in the form's rows' order. */
    public static final String CANDIDATES = "meetingCandidates";
    /** How many rows of the meeting form are in use; the form hides the others. */
    public static final String CANDIDATE_COUNT = "meetingCandidateCount";
    /** Prefix of each row's label ({@code meetingCandidate3}): the candidacy's number, the member's name, branch. */
    public static final String CANDIDATE_LABEL = "meetingCandidate";
    /** Each listed item's candidacy, as the list carries it. */
    public static final String CANDIDACY_ID = PartyAdmissionProcess.Var.CANDIDACY_ID;
    /** Transient, on each candidacy's task completed by a meeting: the meeting's number, for its timeline. */
    public static final String MEETING_ID = "meetingId";
    /** Set once recorded: the meeting's number in the application. */
    public static final String RECORDED_MEETING_ID = "recordedMeetingId";

    private Var() {
    }
  }

  private UnitMeetingProcess() {
  }
}
