package vn.doanthanhnien.admission.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.identity.UserScope;

/**
 * The yearly holiday list, read by every signed-in user and kept by administrators, so that a holiday the government
 * announces or moves needs no release.
 */
@Service
@Transactional(readOnly = true)
public class HolidayService {

  private static final Logger LOG = LoggerFactory.getLogger(HolidayService.class);
  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;
  private static final List<String> WEEKDAY_NAMES = List.of("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu");

  private final PublicHolidayRepository holidays;
  private final UserScope scope;
  private final CurrentUser user;
  private final BusinessClock clock;
  private final ApplicationEventPublisher events;

  public HolidayService(PublicHolidayRepository holidays, UserScope scope, CurrentUser user, BusinessClock clock,
      ApplicationEventPublisher events) {
    this.holidays = holidays;
    this.scope = scope;
    this.user = user;
    this.clock = clock;
    this.events = events;
  }

  /** Body of {@code PUT /api/holidays/{date}}; untyped so that a wrong kind is reported in Vietnamese. */
  public record HolidayRequest(String name, String kind, String note) {
  }

  /** The holidays and worked weekends of {@code year} (this year when null), in date order. */
  public List<PublicHoliday> ofYear(Integer year) {
    int wanted = year == null ? clock.today().getYear() : year;
    InputCheck in = new InputCheck(clock.zone());
    in.require(wanted >= FIRST_YEAR && wanted <= LAST_YEAR, yearRange());
    in.throwIfInvalid("Không thể xem danh sách ngày nghỉ");
    return holidays.findByDateBetweenOrderByDate(LocalDate.of(wanted, 1, 1), LocalDate.of(wanted, 12, 31));
  }

  /**
   * Adds the day or replaces what the list says of it. A HOLIDAY on a Saturday or Sunday is accepted although it
   * moves no deadline: the list names holidays that fall on a weekend beside their substitute day, as the law and the
   * announcements do. A WORKING_WEEKEND on a weekday would mean nothing and is refused.
   */
  @Transactional
  public PublicHoliday put(String dateText, HolidayRequest request) {
    scope.requireAdmin();
    InputCheck in = new InputCheck(clock.zone());
    LocalDate date = date(in, dateText);
    String name = in.text("Tên ngày (name)", request.name(), true, 255);
    HolidayKind kind = in.choice("Loại ngày (kind: HOLIDAY, WORKING_WEEKEND)", request.kind(), HolidayKind.class);
    String note = in.text("Căn cứ (note)", request.note(), false, 500);
    if (date != null && kind == HolidayKind.WORKING_WEEKEND) {
      in.require(isWeekend(date), "Ngày làm bù (WORKING_WEEKEND) phải là thứ Bảy hoặc Chủ nhật; ngày " + date + " là "
          + weekdayName(date) + ".");
    }
    in.throwIfInvalid("Không thể lưu ngày nghỉ");
    PublicHoliday holiday = holidays.findById(date).orElse(null);
    if (holiday == null) {
      holiday = holidays.save(new PublicHoliday(date, name, kind, note));
    } else {
      holiday.change(name, kind, note);
    }
    LOG.info("Holiday list: {} set to {} by {}", date, kind, user.id());
    events.publishEvent(new HolidaysChanged());
    return holiday;
  }

  @Transactional
  public void delete(String dateText) {
    scope.requireAdmin();
    InputCheck in = new InputCheck(clock.zone());
    LocalDate date = date(in, dateText);
    in.throwIfInvalid("Không thể xoá ngày nghỉ");
    PublicHoliday holiday = holidays.findById(date).orElseThrow(() ->
        new NotFoundException("Danh sách không có ngày nghỉ hay ngày làm bù nào vào ngày " + date + "."));
    holidays.delete(holiday);
    LOG.info("Holiday list: {} removed by {}", date, user.id());
    events.publishEvent(new HolidaysChanged());
  }

  private static LocalDate date(InputCheck in, String text) {
    LocalDate date = in.date("Ngày (date)", text, true);
    if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
      in.fail(yearRange());
      return null;
    }
    return date;
  }

  private static String yearRange() {
    return "Năm phải trong khoảng " + FIRST_YEAR + "–" + LAST_YEAR + ".";
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static String weekdayName(LocalDate date) {
    return WEEKDAY_NAMES.get(date.getDayOfWeek().getValue() - 1);
  }
}
