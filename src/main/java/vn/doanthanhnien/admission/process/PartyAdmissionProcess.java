package vn.doanthanhnien.admission.process;

/**
 * The names of processes/party-admission.bpmn that Java relies on, in one place: the process key, the elements the
 * code reacts to, and the variables it reads or writes. Everything else of a stage (its fields, their checks, its
 * rules) is read from the deployed model and forms, so an administrator changes it in Modeler.
 */
public final class PartyAdmissionProcess {

  public static final String KEY = "party-admission";
  public static final String NOMINATION = "nominationSubmitted";
  public static final String WITHDRAWAL_MESSAGE = "candidacyWithdrawn";
  /** End events that are not a rejection; every other end event of the model rejects the candidacy. */
  public static final String ADMITTED_END = "memberAdmitted";
  public static final String WITHDRAWN_END = "candidacyWithdrawn";

  /** The user tasks whose results the application acts on beyond recording them. */
  public static final class Task {
    public static final String BRANCH_VOTE = "recordBranchVote";
    public static final String YOUTH_COMMITTEE_RESOLUTION = "recordYouthCommitteeResolution";
    public static final String AWARENESS_CERTIFICATE = "recordAwarenessCertificate";
    public static final String INTRODUCER = "assignIntroducer";
    public static final String DOSSIER = "checkDossier";
    public static final String BACKGROUND_VERIFICATION = "verifyBackground";
    public static final String PARTY_CELL_VOTE = "recordPartyCellVote";
    public static final String PARTY_COMMITTEE_VOTE = "recordPartyCommitteeVote";
    public static final String ADMISSION_DECISION = "recordAdmissionDecision";
    public static final String ADMISSION_CEREMONY = "recordAdmissionCeremony";

    private Task() {
    }
  }

  /**
   * A field of a stage's form that Java reads, and the process variable that carries the stage's value onward
   * ({@code recordPartyCellVote_meetingDate}), for later forms, expressions and the application.
   */
  public record StageField(String taskKey, String field) {

    /** The variable a later form or expression reads the stage's value from. */
    public String variable() {
      return result(taskKey, field);
    }
  }

  public static final StageField CERTIFICATE_DATE = new StageField(Task.AWARENESS_CERTIFICATE, "certificateDate");
  public static final StageField INTRODUCTION_DATE = new StageField(Task.YOUTH_COMMITTEE_RESOLUTION, "resolutionDate");
  /** The introducer's fields, which show the member's mentor as their default (a variable of the task, by key). */
  public static final StageField INTRODUCER_NAME = new StageField(Task.INTRODUCER, "introducerName");
  public static final StageField INTRODUCER_OFFICIAL_SINCE = new StageField(Task.INTRODUCER, "introducerOfficialSince");
  public static final StageField DOSSIER_DATE = new StageField(Task.DOSSIER, "dossierDate");
  public static final StageField SPOUSE_LISTED = new StageField(Task.DOSSIER, "spouseListed");
  public static final StageField SPOUSE_PARENTS_LISTED = new StageField(Task.DOSSIER, "spouseParentsListed");
  public static final StageField GUARDIAN_LISTED = new StageField(Task.DOSSIER, "guardianListed");
  public static final StageField BACKGROUND_CLEAR = new StageField(Task.BACKGROUND_VERIFICATION, "backgroundClear");
  public static final StageField CELL_RESOLUTION_DATE = new StageField(Task.PARTY_CELL_VOTE, "meetingDate");
  public static final StageField ADMISSION_APPROVED = new StageField(Task.ADMISSION_DECISION, "approved");
  public static final StageField DECISION_DATE = new StageField(Task.ADMISSION_DECISION, "decisionDate");
  public static final StageField CEREMONY_DATE = new StageField(Task.ADMISSION_CEREMONY, "ceremonyDate");

  /** Whether a vote passed: the stage's own result, {@code recordBranchVote_passed}. */
  public static final String PASSED = "passed";

  /** The variable that carries a stage's field onward: {@code <taskKey>_<field>}. */
  public static String result(String taskKey, String field) {
    return taskKey + "_" + field;
  }

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
    /** Whom the candidacy is about, from the registry, for the forms' headers: read again as each task is created. */
    public static final String MEMBER_FULL_NAME = "memberFullName";
    public static final String MEMBER_BIRTH_DATE = "memberBirthDate";
    public static final String BRANCH_NAME = "branchName";
    /** Transient: lives only in the transaction that correlates the withdrawal. */
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    /** The person one background verification is about (the multi-instance element), and its Vietnamese label. */
    public static final String BACKGROUND_SUBJECT = "backgroundSubject";
    public static final String BACKGROUND_SUBJECT_LABEL = "backgroundSubjectLabel";
    /** A verification found a concern: the others are cancelled and the candidacy is rejected. */
    public static final String BACKGROUND_CONCERN = "backgroundConcern";
    /** Every verification came back clear (set by the model when the verifications end). */
    public static final String BACKGROUND_VERIFIED = "backgroundVerified";
    /** The twelve months from the dossier passed before the cell's vote: the dossier is being renewed, since when. */
    public static final String RENEWING_DOSSIER = "renewingDossier";
    public static final String RENEWAL_STARTED_ON = "dossierRenewalStartedOn";
    /** The superior committee extended the admission decision's deadline. */
    public static final String DECISION_DEADLINE_EXTENDED = "decisionDeadlineExtended";

    private Var() {
    }
  }

  private PartyAdmissionProcess() {
  }
}
