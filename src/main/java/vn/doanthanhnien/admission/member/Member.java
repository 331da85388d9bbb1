package vn.doanthanhnien.admission.member;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.annotations.BatchSize;

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

  /** The latest year's rating of {@link #ratings}, kept beside it for the member API and lists; see {@link #rate}. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Rating lastRating;

  @Column(nullable = false)
  private int lastRatingYear;

  /** Every year's rating: the history the eligibility rules read (the previous year's, not only the latest). */
  @ElementCollection
  @CollectionTable(name = "member_rating", joinColumns = @JoinColumn(name = "member_code"))
  @MapKeyColumn(name = "rating_year")
  @BatchSize(size = 100)
  private Map<Integer, YearRating> ratings = new HashMap<>();

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
    // The rating stated at registration is the first of the history, by nobody's yearly rating.
    this.ratings.put(lastRatingYear, new YearRating(lastRating, null, null));
  }

  /**
   * The branch's rating of the member for {@code year}, replacing the year's earlier one. The one place that writes
   * the history and the latest rating, so that they agree.
   *
   * @return the rating it replaced
   */
  public Optional<Rating> rate(int year, Rating rating, String recordedBy, Instant recordedAt) {
    YearRating before = ratings.put(year, new YearRating(rating, recordedBy, recordedAt));
    if (year >= lastRatingYear) {
      this.lastRating = rating;
      this.lastRatingYear = year;
    }
    return Optional.ofNullable(before).map(YearRating::getRating);
  }

  /** The rating of one year, if the member was rated that year. Reads the history: within a transaction. */
  public Optional<Rating> ratingOf(int year) {
    return Optional.ofNullable(ratings.get(year)).map(YearRating::getRating);
  }

  /** Every rating by year, earliest first. Reads the history: within a transaction. */
  public SortedMap<Integer, YearRating> ratings() {
    return new TreeMap<>(ratings);
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
