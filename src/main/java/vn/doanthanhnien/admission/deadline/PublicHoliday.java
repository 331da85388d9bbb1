package vn.doanthanhnien.admission.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One day of Vietnam's yearly holiday list; {@code note} names its legal source. */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday {

  @Id
  @Column(name = "holiday_date")
  private LocalDate date;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private HolidayKind kind;

  private String note;

  protected PublicHoliday() {
  }

  public PublicHoliday(LocalDate date, String name, HolidayKind kind, String note) {
    this.date = date;
    this.name = name;
    this.kind = kind;
    this.note = note;
  }

  void change(String name, HolidayKind kind, String note) {
    this.name = name;
    this.kind = kind;
    this.note = note;
  }

  public LocalDate getDate() {
    return date;
  }

  public String getName() {
    return name;
  }

  public HolidayKind getKind() {
    return kind;
  }

  public String getNote() {
    return note;
  }
}
