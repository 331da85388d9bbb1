package vn.doanthanhnien.admission.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "org_unit")
public class OrgUnit {

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UnitKind kind;

  private String parentCode;

  /** For a Youth Union branch: the Party cell it belongs to. */
  private String partyCellCode;

  protected OrgUnit() {
  }

  public OrgUnit(String code, String name, UnitKind kind, String parentCode, String partyCellCode) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
    this.partyCellCode = partyCellCode;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public UnitKind getKind() {
    return kind;
  }

  public String getParentCode() {
    return parentCode;
  }

  public String getPartyCellCode() {
    return partyCellCode;
  }
}
