package vn.doanthanhnien.admission.candidacy;

public enum TimelineAction {
  NOMINATED,
  STAGE_COMPLETED,
  ADMITTED,
  REJECTED,
  WITHDRAWN,
  /** A deadline is near: the responsible unit was reminded. */
  REMINDED,
  /** A deadline passed: the unit above was asked to follow it up. */
  OVERDUE,
  DEADLINE_EXTENDED,
  /** Twelve months passed without the cell's vote: the documents are being renewed. */
  RENEWAL_STARTED,
  /** The grassroots youth committee handed the Party committee the list of introduced members naming the candidacy. */
  HANDED_OVER
}
