package vn.doanthanhnien.admission.unit;

/** The levels of the two linked trees: Youth Union (bloc → grassroots → branch) and Party (superior → committee → cell). */
public enum UnitKind {
  YOUTH_BLOC,
  YOUTH_GRASSROOTS,
  YOUTH_BRANCH,
  PARTY_SUPERIOR_COMMITTEE,
  PARTY_COMMITTEE,
  PARTY_CELL
}
