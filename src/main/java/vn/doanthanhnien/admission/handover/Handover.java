package vn.doanthanhnien.admission.handover;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The grassroots youth committee handed the Party committee its list of members introduced in a period. */
@Entity
@Table(name = "handover")
public class Handover {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "handover_seq")
  @SequenceGenerator(name = "handover_seq", sequenceName = "handover_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String youthUnitCode;

  @Column(nullable = false)
  private LocalDate periodFrom;

  @Column(nullable = false)
  private LocalDate periodTo;

  @Column(nullable = false)
  private LocalDate handedOverOn;

  @Column(nullable = false)
  private String handedOverBy;

  @Column(nullable = false)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  protected Handover() {
  }

  Handover(String youthUnitCode, LocalDate periodFrom, LocalDate periodTo, LocalDate handedOverOn, String handedOverBy,
      String recordedBy, Instant recordedAt) {
    this.youthUnitCode = youthUnitCode;
    this.periodFrom = periodFrom;
    this.periodTo = periodTo;
    this.handedOverOn = handedOverOn;
    this.handedOverBy = handedOverBy;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public String getYouthUnitCode() {
    return youthUnitCode;
  }

  public LocalDate getPeriodFrom() {
    return periodFrom;
  }

  public LocalDate getPeriodTo() {
    return periodTo;
  }

  public LocalDate getHandedOverOn() {
    return handedOverOn;
  }

  public String getHandedOverBy() {
    return handedOverBy;
  }
}
