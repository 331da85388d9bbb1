package vn.doanthanhnien.admission.probation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** The probation of an admitted candidacy's member and, once decided, whether they became a full member. */
@Entity
@Table(name = "probation")
public class Probation {

  /** One probation per candidacy: the candidacy's id, also the business key of the probation process. */
  @Id
  private Long candidacyId;

  @Column(nullable = false)
  private String processInstanceId;

  @Column(nullable = false)
  private LocalDate ceremonyDate;

  @Column(nullable = false)
  private LocalDate endDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProbationStatus status;

  /** The date of the vote that decided: the cell's meeting, or the day the committee's result was recorded. */
  private LocalDate decidedOn;

  private String resolutionNumber;

  /** The task key of the vote that decided. */
  private String decidedAt;

  /** Why the member was not recognised: the end event's name and the failed vote's result. */
  private String reason;

  private Instant closedAt;

  @Version
  private long version;

  protected Probation() {
  }

  Probation(Long candidacyId, String processInstanceId, LocalDate ceremonyDate, LocalDate endDate) {
    this.candidacyId = candidacyId;
    this.processInstanceId = processInstanceId;
    this.ceremonyDate = ceremonyDate;
    this.endDate = endDate;
    this.status = ProbationStatus.IN_PROBATION;
  }

  void decide(boolean recognised, String decidedAt, LocalDate decidedOn, String resolutionNumber, String reason,
      Instant at) {
    this.status = recognised ? ProbationStatus.RECOGNISED : ProbationStatus.NOT_RECOGNISED;
    this.decidedAt = decidedAt;
    this.decidedOn = decidedOn;
    this.resolutionNumber = resolutionNumber;
    this.reason = reason;
    this.closedAt = at;
  }

  public Long getCandidacyId() {
    return candidacyId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public LocalDate getCeremonyDate() {
    return ceremonyDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public ProbationStatus getStatus() {
    return status;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public String getResolutionNumber() {
    return resolutionNumber;
  }

  public String getDecidedAt() {
    return decidedAt;
  }

  public String getReason() {
    return reason;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
