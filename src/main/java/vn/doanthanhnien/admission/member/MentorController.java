package vn.doanthanhnien.admission.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.common.NotFoundException;

@Tag(name = "Đoàn viên")
@RestController
public class MentorController {

  private final Mentors mentors;

  public MentorController(Mentors mentors) {
    this.mentors = mentors;
  }

  public record MentorView(String memberCode, String mentorName, LocalDate mentorOfficialSince, String assignedBy,
      Instant assignedAt) {
    static MentorView of(Mentor m) {
      return new MentorView(m.getMemberCode(), m.getMentorName(), m.getMentorOfficialSince(), m.getAssignedBy(),
          m.getAssignedAt());
    }
  }

  @Operation(summary = "Phân công đảng viên giúp đỡ đoàn viên", description = "Chi ủy / Bí thư chi bộ của chi đoàn "
      + "hoặc quản trị viên. {mentorName, mentorOfficialSince (yyyy-MM-dd, không bắt buộc)}; phân công lại thì thay "
      + "người trước. Đảng viên này là người giới thiệu mặc định ở bước phân công người giới thiệu.")
  @PutMapping("/api/members/{code}/mentor")
  public MentorView assign(@PathVariable String code, @RequestBody Mentors.MentorRequest request) {
    return MentorView.of(mentors.assign(code, request));
  }

  @Operation(summary = "Đảng viên được phân công giúp đỡ đoàn viên", description = "404 khi chưa phân công.")
  @GetMapping("/api/members/{code}/mentor")
  public MentorView get(@PathVariable String code) {
    return mentors.of(code).map(MentorView::of).orElseThrow(() -> new NotFoundException(
        "Đoàn viên " + code + " chưa được phân công đảng viên giúp đỡ."));
  }
}
