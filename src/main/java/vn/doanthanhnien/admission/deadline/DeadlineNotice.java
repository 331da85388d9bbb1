package vn.doanthanhnien.admission.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder or an escalation sent for one task's due date; the key makes each one happen once. */
@Entity
@Table(name = "deadline_notice")
public class DeadlineNotice {

  public enum Kind {
    REMINDER,
    ESCALATION
  }

  @Id
  private String id;

  @Column(nullable = false)
  private String taskId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private Long candidacyId;

  @Column(nullable = false)
  private Instant sentAt;

  @Column(nullable = false)
  private String sentTo;

  protected DeadlineNotice() {
  }

  DeadlineNotice(String taskId, Kind kind, Long candidacyId, Instant sentAt, String sentTo) {
    this.id = idOf(taskId, kind);
    this.taskId = taskId;
    this.kind = kind;
    this.candidacyId = candidacyId;
    this.sentAt = sentAt;
    this.sentTo = sentTo;
  }

  static String idOf(String taskId, Kind kind) {
    return taskId + "/" + kind;
  }

  public String getTaskId() {
    return taskId;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getCandidacyId() {
    return candidacyId;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getSentTo() {
    return sentTo;
  }
}
