package vn.doanthanhnien.admission.deadline;

/** What a row of the holiday list does to the working week. */
public enum HolidayKind {
  /** A day off: a public holiday, a day the government adds to a break, or a substitute day off (ngày nghỉ bù). */
  HOLIDAY,
  /** A Saturday or Sunday worked in exchange for a weekday off (ngày làm bù). */
  WORKING_WEEKEND
}
