package vn.doanthanhnien.admission.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days in Vietnam from a list of public holidays: Monday to Friday less the days off, plus the weekends
 * worked in exchange. Immutable and free of Spring so that deadlines are unit-tested on their own; {@link WorkingDays}
 * keeps the current one. A deadline falls due at the end of the office day, 17:00 in the business zone.
 */
public final class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final LocalTime DUE_TIME = LocalTime.of(17, 0);

  private final ZoneId zone;
  private final Set<LocalDate> daysOff;
  private final Set<LocalDate> weekendsWorked;
  private final Set<Integer> yearsListed;
  private final Set<Integer> yearsWarnedOf = ConcurrentHashMap.newKeySet();

  public WorkingDayCalendar(ZoneId zone, Collection<PublicHoliday> holidays) {
    this.zone = zone;
    this.daysOff = datesOf(holidays, HolidayKind.HOLIDAY);
    this.weekendsWorked = datesOf(holidays, HolidayKind.WORKING_WEEKEND);
    this.yearsListed = holidays.stream().map(h -> h.getDate().getYear()).collect(Collectors.toUnmodifiableSet());
  }

  public boolean isWorkingDay(LocalDate day) {
    warnIfUnlisted(day.getYear());
    return weekendsWorked.contains(day) || (!isWeekend(day) && !daysOff.contains(day));
  }

  /** The {@code workingDays}-th working day after {@code from}, which itself does not count; {@code from} for 0. */
  public LocalDate plus(LocalDate from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("Cannot add a negative number of working days: " + workingDays);
    }
    LocalDate day = from;
    for (int left = workingDays; left > 0; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /**
   * The working days from {@code from}, which does not count, to {@code to}, which does: 0 for a stage entered and
   * completed on the same day or over a weekend, 1 from a Friday to the Monday after. 0 when {@code to} is not after
   * {@code from}. Counted from the number of weekdays and the listed days in between, not day by day, so that a long
   * span costs no more than a short one.
   */
  public int between(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    warnIfUnlisted(to.getYear());
    long weekdays = weekdaysUpTo(to) - weekdaysUpTo(from);
    long off = daysOff.stream().filter(d -> d.isAfter(from) && !d.isAfter(to) && !isWeekend(d)).count();
    long worked = weekendsWorked.stream().filter(d -> d.isAfter(from) && !d.isAfter(to) && isWeekend(d)).count();
    return Math.toIntExact(weekdays - off + worked);
  }

  /**
   * The latest day from which {@code to} lies {@code workingDays} working days on, as {@link #between} counts them:
   * a candidacy that entered its stage on that day or before has waited at least that long by {@code to}.
   */
  public LocalDate minus(LocalDate to, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("Cannot take a negative number of working days: " + workingDays);
    }
    LocalDate day = to;
    for (int left = workingDays; left > 0; day = day.minusDays(1)) {
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** Monday to Friday from a fixed Monday (29 December 1969) up to {@code day}: a difference of two counts them. */
  private static long weekdaysUpTo(LocalDate day) {
    long sinceMonday = day.toEpochDay() + 3;
    return 5 * Math.floorDiv(sinceMonday, 7) + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
  }

  public Date dueAt(Object from, int workingDays) {
    return at(plus(toDate(from), workingDays), DUE_TIME);
  }

  /** Dates as process variables hold them: a LocalDate, a Date (its day in the business zone) or ISO yyyy-MM-dd. */
  public LocalDate toDate(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date date) {
      // A date column read through JDBC: it has no instant (toInstant() throws) and means that calendar day.
      return date.toLocalDate();
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Not an ISO date (yyyy-MM-dd): '" + text + "'", e);
      }
    }
    throw new IllegalArgumentException("Expected a LocalDate, a java.util.Date or an ISO yyyy-MM-dd string, got "
        + (value == null ? "null" : value.getClass().getName() + " " + value));
  }

  private Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(zone).toInstant());
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** A year nobody has listed yet would silently count its holidays as working days: say so, once. */
  private void warnIfUnlisted(int year) {
    if (!yearsListed.contains(year) && yearsWarnedOf.add(year)) {
      LOG.warn("No public holidays are listed for {}: its working days are counted as Monday to Friday until an "
          + "administrator adds them (PUT /api/holidays/{date})", year);
    }
  }

  private static Set<LocalDate> datesOf(Collection<PublicHoliday> holidays, HolidayKind kind) {
    return holidays.stream().filter(h -> h.getKind() == kind).map(PublicHoliday::getDate)
        .collect(Collectors.toUnmodifiableSet());
  }
}
