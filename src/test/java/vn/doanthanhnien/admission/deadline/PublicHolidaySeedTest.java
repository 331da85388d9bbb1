package vn.doanthanhnien.admission.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The holiday list that migration V6 seeds, checked against the Labour Code 2019. */
class PublicHolidaySeedTest {

  private final List<PublicHoliday> rows = SeededHolidays.rows();

  @Test
  void everySeededYearGivesTheElevenDaysOffOfArticle112() {
    // 1/1, five days of Tết, Hùng Kings' day, 30/4, 1/5 and two for 2/9; a holiday on a weekend is made up on a
    // weekday, and a weekday swapped for a worked Saturday does not add a day.
    for (int year = 2024; year <= 2027; year++) {
      int y = year;
      long weekdaysOff = rows.stream().filter(r -> r.getDate().getYear() == y)
          .filter(r -> r.getKind() == HolidayKind.HOLIDAY && !isWeekend(r.getDate())).count();
      long weekendsWorked = rows.stream().filter(r -> r.getDate().getYear() == y)
          .filter(r -> r.getKind() == HolidayKind.WORKING_WEEKEND).count();
      assertThat(weekdaysOff - weekendsWorked).as("net working days off in %d", year).isEqualTo(11);
    }
  }

  @Test
  void workedDaysAreWeekendsAndEveryRowNamesItsSource() {
    assertThat(rows).hasSizeGreaterThan(50);
    assertThat(rows).filteredOn(r -> r.getKind() == HolidayKind.WORKING_WEEKEND)
        .allMatch(r -> isWeekend(r.getDate()));
    assertThat(rows).allMatch(r -> !r.getName().isBlank() && r.getNote() != null && !r.getNote().isBlank());
  }

  @Test
  void hungKingsDayIsTheTenthDayOfTheThirdLunarMonth() {
    // Lunar dates by the Vietnamese calendar (UTC+7), which differs from the Chinese one in some years.
    assertThat(rows).filteredOn(r -> r.getName().startsWith("Giỗ Tổ Hùng Vương"))
        .extracting(PublicHoliday::getDate)
        .containsExactly(day("2024-04-18"), day("2025-04-07"), day("2026-04-26"), day("2027-04-16"));
  }

  @Test
  void tetDaysNotYetAnnouncedSaySo() {
    assertThat(rows).filteredOn(r -> r.getDate().getYear() == 2027 && r.getName().contains("Tết Nguyên đán"))
        .hasSize(7)
        .allMatch(r -> r.getNote().contains("chưa có thông báo chính thức"));
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }
}
