package vn.doanthanhnien.admission.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Cuộc họp", description = "Một cuộc họp, lớp học hoặc lễ kết nạp ghi nhận một lần cho nhiều hồ sơ")
@RestController
@RequestMapping("/api/meetings")
public class MeetingController {

  private final MeetingService meetings;

  public MeetingController(MeetingService meetings) {
    this.meetings = meetings;
  }

  /**
   * @param shared the meeting's shared fields by form key ({@code meetingDate}, {@code branchMemberCount}…)
   * @param results one per candidacy: {@code candidacyId} and the person's own fields ({@code votesFor},
   *     {@code votesAgainst}; {@code attended}, {@code certificateNumber} for a class)
   */
  public record MeetingRequest(String stage, String unit, Map<String, Object> shared,
      List<Map<String, Object>> results) {
  }

  @Operation(summary = "Ghi nhận một cuộc họp cho nhiều hồ sơ", description = "Hoàn thành việc của bước `stage` "
      + "của mọi hồ sơ có mặt trong một giao dịch: tất cả hoặc không hồ sơ nào. 400 liệt kê mọi lỗi, mỗi lỗi nêu hồ sơ "
      + "và trường; 409 khi một việc vừa được người khác hoàn thành.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public MeetingService.Recorded record(@RequestBody MeetingRequest request) {
    return meetings.record(request.stage(), request.unit(), request.shared(), request.results());
  }

  @Operation(summary = "Hồ sơ đang chờ một bước ở đơn vị", description = "Những hồ sơ mà cán bộ có thể ghi nhận "
      + "trong một cuộc họp của bước `stage` ở đơn vị `unit`.")
  @GetMapping("/waiting")
  public List<Map<String, Object>> waiting(@RequestParam String stage, @RequestParam String unit) {
    return meetings.waitingAt(stage, unit);
  }

  @Operation(summary = "Các bước ghi nhận theo cuộc họp chung")
  @GetMapping("/stages")
  public Map<String, String> stages() {
    return meetings.stages();
  }
}
