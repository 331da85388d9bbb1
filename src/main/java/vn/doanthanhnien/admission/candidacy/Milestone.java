package vn.doanthanhnien.admission.candidacy;

/** What the yearly report counts per branch and year, each in the year of its own date. */
public enum Milestone {
  /** Nominated: the nomination's date in Vietnam. */
  NOMINATED,
  /** Introduced to the Party: the date of the youth committee's resolution (the first one). */
  INTRODUCED,
  /** Admitted: the date of the superior committee's decision approving the admission. */
  ADMITTED
}
