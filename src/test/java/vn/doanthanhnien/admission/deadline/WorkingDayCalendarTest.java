package vn.doanthanhnien.admission.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Working days counted over the holidays that migration V6 seeds, without Spring. */
class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = SeededHolidays.calendar();

  @Test
  void tet2025_theWorkingDayAfterTheFridayBeforeTetIsTheMondayAfterIt() {
    assertThat(calendar.plus(day("2025-01-24"), 1)).isEqualTo(day("2025-02-03"));
    assertThat(List.of("2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"))
        .noneMatch(d -> calendar.isWorkingDay(day(d)));
  }

  @Test
  void between_countsTheWorkingDaysAfterTheFirstDayUpToTheLast() {
    assertThat(calendar.between(day("2027-02-01"), day("2027-02-01"))).as("same day").isZero();
    assertThat(calendar.between(day("2027-02-05"), day("2027-02-01"))).as("backwards").isZero();
    assertThat(calendar.between(day("2027-02-01"), day("2027-02-03"))).isEqualTo(2);
    // Tết 2027: Thu 4 to Wed 10 February off.
    assertThat(calendar.between(day("2027-02-01"), day("2027-02-11"))).isEqualTo(3);
    assertThat(calendar.between(day("2027-02-01"), day("2027-02-15"))).isEqualTo(5);
    // 2025: Saturday 26 April worked, Friday 2 May off: 25/4 → 5/5 is 26, 28, 29, 5 (30/4, 1/5 holidays).
    assertThat(calendar.between(day("2025-04-25"), day("2025-05-05"))).isEqualTo(4);
  }

  @Test
  void minus_isTheLatestDayFromWhichThatManyWorkingDaysHavePassed() {
    assertThat(calendar.minus(day("2027-02-15"), 0)).isEqualTo(day("2027-02-15"));
    assertThat(calendar.minus(day("2027-02-15"), 1)).isEqualTo(day("2027-02-14"));
    assertThat(calendar.minus(day("2027-02-15"), 2)).isEqualTo(day("2027-02-11"));
    assertThat(calendar.minus(day("2027-02-15"), 3)).isEqualTo(day("2027-02-10"));
    // 15, 12, 11, then Tết, then 3 and 2 February.
    assertThat(calendar.minus(day("2027-02-15"), 5)).isEqualTo(day("2027-02-01"));
  }

  @Test
  void tet2026_nineDaysWithoutAWorkingDay() {
    assertThat(calendar.plus(day("2026-02-13"), 1)).isEqualTo(day("2026-02-23"));
    assertThat(count(day("2026-02-13"), day("2026-02-22"))).isZero();
  }

  @Test
  void reunificationAndLabourDay_theSwappedWeekdayIsOffAndItsSaturdayIsWorked() {
    // 2025: Friday 2 May off, worked on Saturday 26 April.
    assertThat(calendar.isWorkingDay(day("2025-04-26"))).isTrue();
    assertThat(calendar.isWorkingDay(day("2025-05-02"))).isFalse();
    assertThat(calendar.plus(day("2025-04-25"), 1)).isEqualTo(day("2025-04-26"));
    assertThat(calendar.plus(day("2025-04-29"), 1)).isEqualTo(day("2025-05-05"));
    // 2024: Monday 29 April off, worked on Saturday 4 May.
    assertThat(calendar.plus(day("2024-04-26"), 1)).isEqualTo(day("2024-05-02"));
    assertThat(calendar.plus(day("2024-05-03"), 1)).isEqualTo(day("2024-05-04"));
  }

  @Test
  void hungKingsDay2026_fallsOnASundayAndTheMondayIsTakenOffInstead() {
    assertThat(calendar.isWorkingDay(day("2026-04-27"))).isFalse();
    assertThat(calendar.plus(day("2026-04-24"), 1)).isEqualTo(day("2026-04-28"));
    // Tuesday and Wednesday are worked, then 30/4 and 1/5 fall on Thursday and Friday.
    assertThat(calendar.plus(day("2026-04-24"), 3)).isEqualTo(day("2026-05-04"));
  }

  @Test
  void nationalDay_isTakenOffWithTheDayBesideIt() {
    assertThat(calendar.plus(day("2024-08-30"), 1)).isEqualTo(day("2024-09-04"));
    assertThat(calendar.plus(day("2025-08-29"), 1)).isEqualTo(day("2025-09-03"));
    // 2026: Monday 31 August off as well, worked on Saturday 22 August.
    assertThat(calendar.plus(day("2026-08-28"), 1)).isEqualTo(day("2026-09-03"));
    assertThat(calendar.isWorkingDay(day("2026-08-22"))).isTrue();
    assertThat(calendar.plus(day("2027-09-01"), 1)).isEqualTo(day("2027-09-06"));
  }

  @Test
  void yearEnd_newYearsDayIsSkipped() {
    assertThat(calendar.plus(day("2024-12-31"), 1)).isEqualTo(day("2025-01-02"));
    // 2026: Friday 2 January off as well, worked on Saturday 10 January.
    assertThat(calendar.plus(day("2025-12-31"), 1)).isEqualTo(day("2026-01-05"));
    assertThat(calendar.isWorkingDay(day("2026-01-10"))).isTrue();
    assertThat(calendar.plus(day("2026-12-31"), 1)).isEqualTo(day("2027-01-04"));
  }

  @Test
  void specDeadlines_countedFromJustBeforeTet() {
    LocalDate cellResolution = day("2026-02-10");
    // Admission decision: 60 working days after the cell resolution, 30 more when extended.
    assertThat(calendar.plus(cellResolution, 60)).isEqualTo(day("2026-05-15"));
    assertThat(calendar.plus(cellResolution, 90)).isEqualTo(day("2026-06-26"));
    LocalDate decision = day("2025-01-24");
    // Ceremony: 30 working days after the decision.
    assertThat(calendar.plus(decision, 30)).isEqualTo(day("2025-03-14"));
    // The make-up Saturday of 2025 is a working day like any other.
    assertThat(calendar.plus(decision, 60)).isEqualTo(day("2025-04-26"));
  }

  @Test
  void countAgreesWithPlusOnEveryDayOfTheSeededYears() {
    for (LocalDate from = day("2024-01-01"); from.getYear() <= 2027; from = from.plusDays(1)) {
      for (int n : new int[] {0, 1, 5, 30, 60}) {
        LocalDate due = calendar.plus(from, n);
        assertThat(count(from, due)).as("count(%s, plus(%s, %d))", from, from, n).isEqualTo(n);
        if (n > 0) {
          assertThat(calendar.isWorkingDay(due)).as("plus(%s, %d) = %s", from, n, due).isTrue();
          assertThat(count(from, due.minusDays(1))).isEqualTo(n - 1);
        }
      }
    }
  }

  @Test
  void aYearWithoutRows_2028_isCountedMondayToFridayAndWarnedOfOnce() {
    Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      // V6 lists 2024–2027 only. Tết 2028 (Wed 26/1) is then five working days like any other week: Mon 24, Tue 25,
      // Wed 26, Thu 27, Fri 28/1; the weekend after is not.
      assertThat(calendar.plus(day("2028-01-21"), 5)).isEqualTo(day("2028-01-28"));
      assertThat(calendar.dueAt(day("2028-01-21"), 5)).isEqualTo(Date.from(Instant.parse("2028-01-28T10:00:00Z")));
      assertThat(calendar.isWorkingDay(day("2028-01-26"))).isTrue();
      assertThat(calendar.isWorkingDay(day("2028-01-29"))).isFalse();
      // Fri 31/12/2027 is the last listed day; Sat 1/1/2028 and Sun 2/1 are a weekend, Mon 3/1 a working day.
      assertThat(calendar.plus(day("2027-12-31"), 1)).isEqualTo(day("2028-01-03"));
    } finally {
      logger.detachAppender(log);
    }

    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("No public holidays are listed for 2028: its working days are counted as Monday to Friday "
            + "until an administrator adds them (PUT /api/holidays/{date})");
  }

  @Test
  void plusZeroIsTheDayItselfAndAnEmptyRangeCountsNothing() {
    assertThat(calendar.plus(day("2026-02-17"), 0)).isEqualTo(day("2026-02-17"));
    assertThat(count(day("2026-03-05"), day("2026-03-05"))).isZero();
    assertThat(count(day("2026-03-06"), day("2026-03-05"))).isZero();
    assertThatThrownBy(() -> calendar.plus(day("2026-03-05"), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dueAt_isFivePmInVietnamOnTheLastWorkingDay() {
    assertThat(calendar.dueAt("2025-01-24", 1).toInstant()).isEqualTo(Instant.parse("2025-02-03T10:00:00Z"));
    assertThat(calendar.dueAt(day("2026-02-10"), 60).toInstant()).isEqualTo(Instant.parse("2026-05-15T10:00:00Z"));
    // 00:30 on 10 February in Hà Nội is still 9 February in UTC.
    assertThat(calendar.dueAt(Date.from(Instant.parse("2026-02-09T17:30:00Z")), 60).toInstant())
        .isEqualTo(Instant.parse("2026-05-15T10:00:00Z"));
  }

  @Test
  void toDate_readsLocalDatesDatesInVietnamAndIsoStrings() {
    assertThat(calendar.toDate(day("2026-02-28"))).isEqualTo(day("2026-02-28"));
    assertThat(calendar.toDate(" 2026-02-28 ")).isEqualTo(day("2026-02-28"));
    // 17:30 UTC on 26 November is already 27 November in Hà Nội.
    assertThat(calendar.toDate(Date.from(Instant.parse("2026-11-26T17:30:00Z")))).isEqualTo(day("2026-11-27"));
    assertThat(calendar.toDate(java.sql.Date.valueOf("2026-11-27"))).isEqualTo(day("2026-11-27"));
  }

  @Test
  void toDate_refusesAnythingElse() {
    assertThatThrownBy(() -> calendar.toDate("2026-02-30")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> calendar.toDate("05/03/2026")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> calendar.toDate(20260305)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Integer");
    assertThatThrownBy(() -> calendar.toDate(Instant.parse("2026-03-05T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.toDate(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  /** Working days after {@code fromExclusive} up to and including {@code toInclusive}, counted one by one. */
  private int count(LocalDate fromExclusive, LocalDate toInclusive) {
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }
}
