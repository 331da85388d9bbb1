package vn.doanthanhnien.admission.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The Party member the Party cell assigned to help a member of the pool ("đảng viên được phân công giúp đỡ"), offered
 * as the introducer when the candidacy reaches that stage. One per member; a new assignment replaces it.
 */
@Entity
@Table(name = "member_mentor")
public class Mentor {

  @Id
  private String memberCode;

  @Column(nullable = false)
  private String mentorName;

  private LocalDate mentorOfficialSince;

  @Column(nullable = false)
  private String assignedBy;

  @Column(nullable = false)
  private Instant assignedAt;

  protected Mentor() {
  }

  Mentor(String memberCode, String mentorName, LocalDate mentorOfficialSince, String assignedBy, Instant assignedAt) {
    this.memberCode = memberCode;
    this.mentorName = mentorName;
    this.mentorOfficialSince = mentorOfficialSince;
    this.assignedBy = assignedBy;
    this.assignedAt = assignedAt;
  }

  void reassign(String name, LocalDate officialSince, String by, Instant at) {
    this.mentorName = name;
    this.mentorOfficialSince = officialSince;
    this.assignedBy = by;
    this.assignedAt = at;
  }

  public String getMemberCode() {
    return memberCode;
  }

  public String getMentorName() {
    return mentorName;
  }

  public LocalDate getMentorOfficialSince() {
    return mentorOfficialSince;
  }

  public String getAssignedBy() {
    return assignedBy;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }
}
