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
import java.time.Instant;

/** One entry of a candidacy's timeline: who did what at which stage, and when. */
@Entity
@Table(name = "candidacy_event")
public class CandidacyEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidacy_event_seq")
  @SequenceGenerator(name = "candidacy_event_seq", sequenceName = "candidacy_event_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private Long candidacyId;

  @Column(nullable = false)
  private String stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TimelineAction action;

  private String actor;

  @Column(nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String summary;

  private String details;

  /** Readable by the candidacy's Party units only (docs/domain.md, stage 7). */
  private String partyDetails;

  protected CandidacyEvent() {
  }

  CandidacyEvent(Long candidacyId, String stage, TimelineAction action, String actor, Instant occurredAt,
      String summary, String details, String partyDetails) {
    this.candidacyId = candidacyId;
    this.stage = stage;
    this.action = action;
    this.actor = actor;
    this.occurredAt = occurredAt;
    this.summary = summary;
    this.details = details;
    this.partyDetails = partyDetails;
  }

  public Long getId() {
    return id;
  }

  public Long getCandidacyId() {
    return candidacyId;
  }

  public String getStage() {
    return stage;
  }

  public TimelineAction getAction() {
    return action;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getSummary() {
    return summary;
  }

  public String getDetails() {
    return details;
  }

  public String getPartyDetails() {
    return partyDetails;
  }
}
