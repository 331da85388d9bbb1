package vn.doanthanhnien.admission.unit;

/** The levels of the two linked trees: Youth Union (bloc → grassroots → branch) and Party (superior → committee → cell). */
public enum UnitKind {
  YOUTH_BLOC(null, false),
  YOUTH_GRASSROOTS(YOUTH_BLOC, false),
  YOUTH_BRANCH(YOUTH_GRASSROOTS, true),
  PARTY_SUPERIOR_COMMITTEE(null, false),
  PARTY_COMMITTEE(PARTY_SUPERIOR_COMMITTEE, true),
  PARTY_CELL(PARTY_COMMITTEE, true);

  /** The kind of unit directly above; null for the top of a tree. */
  final UnitKind parentKind;
  final boolean parentRequired;

  UnitKind(UnitKind parentKind, boolean parentRequired) {
    this.parentKind = parentKind;
    this.parentRequired = parentRequired;
  }
}
