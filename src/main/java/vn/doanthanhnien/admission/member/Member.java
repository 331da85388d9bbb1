package vn.doanthanhnien.admission.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "member")
public class Member {

  @Id
  private String code;

  @Column(nullable = false)
  private String fullName;

  @Column(nullable = false)
  private LocalDate birthDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Gender gender;

  @Column(nullable = false)
  private String branchCode;

  @Column(nullable = false)
  private LocalDate youthUnionJoinDate;

  @Column(nullable = false)
  private boolean youthUnionActive;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Education education;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Rating lastRating;

  @Column(nullable = false)
  private int lastRatingYear;

  private LocalDate awarenessCertificateDate;

  protected Member() {
  }

  public Member(String code, String fullName, LocalDate birthDate, Gender gender, String branchCode,
      LocalDate youthUnionJoinDate, boolean youthUnionActive, Education education, Rating lastRating,
      int lastRatingYear, LocalDate awarenessCertificateDate) {
    this.code = code;
    this.fullName = fullName;
    this.birthDate = birthDate;
    this.gender = gender;
    this.branchCode = branchCode;
    this.youthUnionJoinDate = youthUnionJoinDate;
    this.youthUnionActive = youthUnionActive;
    this.education = education;
    this.lastRating = lastRating;
    this.lastRatingYear = lastRatingYear;
    this.awarenessCertificateDate = awarenessCertificateDate;
  }

  /** The Party awareness class was attended again: the new certificate replaces the old one. */
  public void renewAwarenessCertificate(LocalDate certificateDate) {
    this.awarenessCertificateDate = certificateDate;
  }

  public String getCode() {
    return code;
  }

  public String getFullName() {
    return fullName;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public Gender getGender() {
    return gender;
  }

  public String getBranchCode() {
    return branchCode;
  }

  public LocalDate getYouthUnionJoinDate() {
    return youthUnionJoinDate;
  }

  public boolean isYouthUnionActive() {
    return youthUnionActive;
  }

  public Education getEducation() {
    return education;
  }

  public Rating getLastRating() {
    return lastRating;
  }

  public int getLastRatingYear() {
    return lastRatingYear;
  }

  public LocalDate getAwarenessCertificateDate() {
    return awarenessCertificateDate;
  }
}
