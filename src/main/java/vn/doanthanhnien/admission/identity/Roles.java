package vn.doanthanhnien.admission.identity;

/** The roles of SPEC.md; a Camunda group per role and unit is named {@code <role>.<unitCode>}. */
public enum Roles {
  BRANCH_SECRETARY("branch-secretary", "Bí thư chi đoàn"),
  YOUTH_COMMITTEE("youth-committee", "Ban Chấp hành Đoàn cơ sở"),
  PARTY_CELL("party-cell", "Chi ủy / Bí thư chi bộ"),
  PARTY_COMMITTEE("party-committee", "Đảng ủy cơ sở"),
  SUPERIOR_COMMITTEE("superior-committee", "Cấp ủy cấp trên");

  /** Camunda's own administrators group: full access to Cockpit, Tasklist and Admin. */
  public static final String ADMIN_GROUP = "camunda-admin";

  private final String prefix;
  private final String title;

  Roles(String prefix, String title) {
    this.prefix = prefix;
    this.title = title;
  }

  public String groupOf(String unitCode) {
    return prefix + "." + unitCode;
  }

  public String groupName(String unitName) {
    return title + " — " + unitName;
  }
}
