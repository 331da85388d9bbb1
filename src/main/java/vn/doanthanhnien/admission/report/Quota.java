package vn.doanthanhnien.admission.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** How many members a unit is to introduce to the Party in a year (chỉ tiêu), set from above. */
@Entity
@Table(name = "quota")
@IdClass(Quota.Key.class)
public class Quota {

  @Id
  @Column(name = "quota_year")
  private int year;

  @Id
  private String unitCode;

  @Column(nullable = false)
  private int introduced;

  protected Quota() {
  }

  public Quota(int year, String unitCode, int introduced) {
    this.year = year;
    this.unitCode = unitCode;
    this.introduced = introduced;
  }

  void change(int introduced) {
    this.introduced = introduced;
  }

  public int getYear() {
    return year;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public int getIntroduced() {
    return introduced;
  }

  public record Key(int year, String unitCode) implements Serializable {
    public Key() {
      this(0, null);
    }
  }
}
