package vn.doanthanhnien.admission.stage;

/**
 * One field of a task form as the contract names it, with the Vietnamese label used in messages and summaries.
 *
 * @param keptInProcess false for free text with personal detail (verification notes, opinion summaries): it is stored
 *     in the candidacy timeline only, never as a process variable
 */
public record FormField(String key, String label, Kind kind, boolean required, boolean keptInProcess) {

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
    return new FormField(key, label, Kind.TEXT, true, true);
  }

  static FormField privateText(String key, String label) {
    return new FormField(key, label, Kind.LONG_TEXT, true, false);
  }

  static FormField count(String key, String label) {
    return new FormField(key, label, Kind.COUNT, true, true);
  }

  static FormField members(String key, String label) {
    return new FormField(key, label, Kind.MEMBER_COUNT, true, true);
  }

  static FormField pastDate(String key, String label) {
    return new FormField(key, label, Kind.PAST_DATE, true, true);
  }

  static FormField flag(String key, String label) {
    return new FormField(key, label, Kind.FLAG, true, true);
  }
}
