package vn.doanthanhnien.admission.unit;

/** The levels of the two linked trees: Youth Union (bloc → grassroots → branch) and Party (superior → committee → cell). */
public enum UnitKind {
  YOUTH_BLOC(null, false, "Đoàn khối"),
  YOUTH_GRASSROOTS(YOUTH_BLOC, false, "Đoàn cơ sở"),
  YOUTH_BRANCH(YOUTH_GRASSROOTS, true, "Chi đoàn"),
  PARTY_SUPERIOR_COMMITTEE(null, false, "Cấp ủy cấp trên"),
  PARTY_COMMITTEE(PARTY_SUPERIOR_COMMITTEE, true, "Đảng ủy cơ sở"),
  PARTY_CELL(PARTY_COMMITTEE, true, "Chi bộ");

  /** The kind of unit directly above; null for the top of a tree. */
  final UnitKind parentKind;
  final boolean parentRequired;
  private final String title;

  UnitKind(UnitKind parentKind, boolean parentRequired, String title) {
    this.parentKind = parentKind;
    this.parentRequired = parentRequired;
    this.title = title;
  }

  /** What users call a unit of this kind. */
  public String title() {
    return title;
  }
}
