package vn.doanthanhnien.admission.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.deadline.HolidayService.HolidayRequest;

/** The holiday list that working days are counted from: read by anyone signed in, changed by administrators. */
@Tag(name = "Ngày nghỉ", description = "Lịch ngày nghỉ dùng để tính ngày làm việc")
@RestController
@RequestMapping("/api/holidays")
public class HolidayController {

  private final HolidayService holidays;

  public HolidayController(HolidayService holidays) {
    this.holidays = holidays;
  }

  @Operation(summary = "Ngày nghỉ và ngày làm bù của một năm", description = "Tham số `year` (không bắt buộc). Mọi người dùng đã đăng nhập.")
  @GetMapping
  public List<HolidayView> ofYear(@RequestParam(required = false) Integer year) {
    return holidays.ofYear(year).stream().map(HolidayView::of).toList();
  }

  /** The date is read as text so that an impossible one is refused with a Vietnamese reason. */
  @Operation(summary = "Thêm hoặc sửa một ngày (quản trị viên)", description = "`kind`: `HOLIDAY` (nghỉ) hoặc `WORKING_WEEKEND` (làm bù); thay đổi áp dụng ngay cho các hạn xử lý.")
  @PutMapping("/{date}")
  public HolidayView put(@PathVariable String date, @RequestBody HolidayRequest request) {
    return HolidayView.of(holidays.put(date, request));
  }

  @Operation(summary = "Xóa một ngày (quản trị viên)")
  @DeleteMapping("/{date}")
  public ResponseEntity<Void> delete(@PathVariable String date) {
    holidays.delete(date);
    return ResponseEntity.noContent().build();
  }

  public record HolidayView(LocalDate date, String name, HolidayKind kind, String note) {
    static HolidayView of(PublicHoliday h) {
      return new HolidayView(h.getDate(), h.getName(), h.getKind(), h.getNote());
    }
  }
}
