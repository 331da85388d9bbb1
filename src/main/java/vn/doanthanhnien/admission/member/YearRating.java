package vn.doanthanhnien.admission.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * One year's rating of a member ({@code member_rating}). Who recorded it and when are null for the rating stated when
 * the member was registered.
 */
@Embeddable
public class YearRating {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Rating rating;

  private String recordedBy;

  private Instant recordedAt;

  protected YearRating() {
  }

  YearRating(Rating rating, String recordedBy, Instant recordedAt) {
    this.rating = rating;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Rating getRating() {
    return rating;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
