package vn.doanthanhnien.admission.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holiday rows that migration V6 seeds, read from the migration itself, so that tests without Spring check the
 * calendar production starts with rather than a copy of it.
 */
final class SeededHolidays {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String MIGRATION = "/db/migration/V6__working_day_calendar.sql";
  private static final String TEXT = "'((?:[^']|'')*)'";
  private static final Pattern ROW = Pattern.compile(
      "\\(date '(\\d{4}-\\d{2}-\\d{2})', " + TEXT + ", '(HOLIDAY|WORKING_WEEKEND)', (?:" + TEXT + "|null)\\)");

  private SeededHolidays() {
  }

  static List<PublicHoliday> rows() {
    List<PublicHoliday> rows = new ArrayList<>();
    Matcher row = ROW.matcher(migration());
    while (row.find()) {
      rows.add(new PublicHoliday(LocalDate.parse(row.group(1)), unquote(row.group(2)),
          HolidayKind.valueOf(row.group(3)), unquote(row.group(4))));
    }
    return rows;
  }

  static WorkingDayCalendar calendar() {
    return new WorkingDayCalendar(VIETNAM, rows());
  }

  private static String unquote(String text) {
    return text == null ? null : text.replace("''", "'");
  }

  private static String migration() {
    try (InputStream in = SeededHolidays.class.getResourceAsStream(MIGRATION)) {
      if (in == null) {
        throw new IllegalStateException(MIGRATION + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
