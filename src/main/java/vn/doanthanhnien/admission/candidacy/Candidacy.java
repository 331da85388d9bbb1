package vn.doanthanhnien.admission.candidacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import vn.doanthanhnien.admission.unit.UnitChain;

/** One member's way from nomination to admission; its id is the business key of the process instance. */
@Entity
@Table(name = "candidacy")
public class Candidacy {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidacy_seq")
  @SequenceGenerator(name = "candidacy_seq", sequenceName = "candidacy_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String memberCode;

  /** Set while in progress so that the database itself refuses a second open candidacy of the member. */
  private String openMemberCode;

  @Column(nullable = false)
  private String branchCode;

  private String youthUnitCode;
  private String partyCellCode;
  private String partyCommitteeCode;
  private String superiorCommitteeCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CandidacyStatus status;

  @Column(nullable = false)
  private String stage;

  private String rejectionReason;

  @Column(nullable = false)
  private String nominationReason;

  private String nominatedBy;

  @Column(nullable = false)
  private Instant nominatedAt;

  private Instant closedAt;

  private String processInstanceId;

  /** Date of the youth committee resolution that introduced the member to the Party. */
  private LocalDate introducedOn;

  /** Date of the superior committee's decision approving the admission. */
  private LocalDate admittedOn;

  /** When the grassroots youth committee handed the Party the list naming this candidacy, and that handover. */
  private LocalDate handedOverOn;
  private Long handoverId;

  /** When the open stage is due; null when it has no due date or nothing is open. */
  private Instant dueAt;

  /** When the candidacy entered its open stage (its latest task was created). */
  private Instant stageEnteredAt;

  @Version
  private long version;

  protected Candidacy() {
  }

  public Candidacy(String memberCode, UnitChain units, String stage, String nominationReason, String nominatedBy,
      Instant nominatedAt, String processInstanceId) {
    this.memberCode = memberCode;
    this.openMemberCode = memberCode;
    this.branchCode = units.branchCode();
    this.youthUnitCode = units.youthUnitCode();
    this.partyCellCode = units.partyCellCode();
    this.partyCommitteeCode = units.partyCommitteeCode();
    this.superiorCommitteeCode = units.superiorCommitteeCode();
    this.status = CandidacyStatus.IN_PROGRESS;
    this.stage = stage;
    this.nominationReason = nominationReason;
    this.nominatedBy = nominatedBy;
    this.nominatedAt = nominatedAt;
    this.processInstanceId = processInstanceId;
  }

  public boolean isOpen() {
    return status == CandidacyStatus.IN_PROGRESS;
  }

  void enterStage(String stage, Instant dueAt, Instant at) {
    this.stage = stage;
    this.dueAt = dueAt;
    this.stageEnteredAt = at;
  }

  void dueAt(Instant dueAt) {
    this.dueAt = dueAt;
  }

  public boolean isOverdue(Instant now) {
    return dueAt != null && dueAt.isBefore(now);
  }

  /**
   * The first resolution counts: a renewed one after twelve months does not introduce the member a second time.
   *
   * @return whether the member counts as introduced from now on
   */
  boolean introduced(LocalDate on) {
    if (introducedOn != null) {
      return false;
    }
    this.introducedOn = on;
    return true;
  }

  /** @return the date of the decision it replaces, if any */
  LocalDate admissionApproved(LocalDate on) {
    LocalDate before = admittedOn;
    this.admittedOn = on;
    return before;
  }

  void close(CandidacyStatus outcome, String reason, Instant at) {
    this.status = outcome;
    this.rejectionReason = reason;
    this.closedAt = at;
    this.openMemberCode = null;
    this.dueAt = null;
  }

  public Long getId() {
    return id;
  }

  public String getMemberCode() {
    return memberCode;
  }

  public String getBranchCode() {
    return branchCode;
  }

  /** The units it was nominated under; empty for a candidacy nominated before they were recorded. */
  public Optional<UnitChain> getUnits() {
    return superiorCommitteeCode == null ? Optional.empty() : Optional.of(
        new UnitChain(branchCode, youthUnitCode, partyCellCode, partyCommitteeCode, superiorCommitteeCode));
  }

  public CandidacyStatus getStatus() {
    return status;
  }

  public String getStage() {
    return stage;
  }

  public String getRejectionReason() {
    return rejectionReason;
  }

  public String getNominationReason() {
    return nominationReason;
  }

  public String getNominatedBy() {
    return nominatedBy;
  }

  public Instant getNominatedAt() {
    return nominatedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  void handedOver(LocalDate on, Long handover) {
    this.handedOverOn = on;
    this.handoverId = handover;
  }

  public LocalDate getHandedOverOn() {
    return handedOverOn;
  }

  public Long getHandoverId() {
    return handoverId;
  }

  public LocalDate getIntroducedOn() {
    return introducedOn;
  }

  public LocalDate getAdmittedOn() {
    return admittedOn;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getStageEnteredAt() {
    return stageEnteredAt;
  }
}
