package vn.doanthanhnien.admission.stage;

/**
 * One field of a task form as the contract names it, with the Vietnamese label used in messages and summaries.
 *
 * @param partyOnly free text with personal detail (verification notes, opinions received) that only the candidacy's
 *     Party units may read: never a process variable, never in the engine's history ({@link PartyOnlyHistoryFilter}),
 *     stored in the timeline's Party details
 */
public record FormField(String key, String label, Kind kind, boolean required, boolean partyOnly) {

  public enum Kind {
    TEXT(100),
    LONG_TEXT(4000),
    /** A whole number from 0 (votes, attendees). */
    COUNT(0),
    /** A whole number from 1 (the body that votes cannot be empty). */
    MEMBER_COUNT(1),
    /** Worked or studied together, in months: the Party Charter asks for at least 12. */
    MONTHS_TOGETHER(12),
    /** A date not after today. */
    PAST_DATE(0),
    FLAG(0);

    final int limit;

    Kind(int limit) {
      this.limit = limit;
    }
  }

  static FormField text(String key, String label) {
    return new FormField(key, label, Kind.TEXT, true, false);
  }

  static FormField partyOnlyText(String key, String label) {
    return new FormField(key, label, Kind.LONG_TEXT, true, true);
  }

  static FormField count(String key, String label) {
    return new FormField(key, label, Kind.COUNT, true, false);
  }

  static FormField members(String key, String label) {
    return new FormField(key, label, Kind.MEMBER_COUNT, true, false);
  }

  static FormField monthsTogether(String key, String label) {
    return new FormField(key, label, Kind.MONTHS_TOGETHER, true, false);
  }

  static FormField pastDate(String key, String label) {
    return new FormField(key, label, Kind.PAST_DATE, true, false);
  }

  static FormField flag(String key, String label) {
    return new FormField(key, label, Kind.FLAG, true, false);
  }

  /** A yes/no field that may be left out: absent means no. */
  static FormField optionalFlag(String key, String label) {
    return new FormField(key, label, Kind.FLAG, false, false);
  }
}
