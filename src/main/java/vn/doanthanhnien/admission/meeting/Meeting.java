package vn.doanthanhnien.admission.meeting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One meeting recorded for several candidacies: the stage it decided, the unit that met, its shared fields. */
@Entity
@Table(name = "meeting")
public class Meeting {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_seq")
  @SequenceGenerator(name = "meeting_seq", sequenceName = "meeting_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String stage;

  @Column(nullable = false)
  private String unitCode;

  @Column(nullable = false)
  private String sharedFields;

  @Column(nullable = false)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  @ElementCollection
  @CollectionTable(name = "meeting_candidacy", joinColumns = @JoinColumn(name = "meeting_id"))
  private List<Participant> participants = new ArrayList<>();

  /** A candidacy listed at the meeting; one who did not attend a class or ceremony keeps the task open. */
  @Embeddable
  public record Participant(Long candidacyId, boolean attended) {
  }

  protected Meeting() {
  }

  Meeting(String stage, String unitCode, String sharedFields, String recordedBy, Instant recordedAt,
      List<Participant> participants) {
    this.stage = stage;
    this.unitCode = unitCode;
    this.sharedFields = sharedFields;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.participants.addAll(participants);
  }

  public Long getId() {
    return id;
  }

  public String getStage() {
    return stage;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getSharedFields() {
    return sharedFields;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public List<Participant> getParticipants() {
    return List.copyOf(participants);
  }
}
