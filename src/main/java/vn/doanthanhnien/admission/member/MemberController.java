package vn.doanthanhnien.admission.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Đoàn viên", description = "Danh sách đoàn viên")
@RestController
@RequestMapping("/api/members")
public class MemberController {

  private final MemberService members;

  public MemberController(MemberService members) {
    this.members = members;
  }

  @Operation(summary = "Đăng ký đoàn viên", description = "Cán bộ Đoàn của chi đoàn hoặc quản trị viên. Mã đoàn viên không được trùng (409).")
  @PostMapping
  public ResponseEntity<MemberView> register(@RequestBody MemberRequest request) {
    Member member = members.register(request);
    return ResponseEntity.created(URI.create("/api/members/" + member.getCode())).body(MemberView.of(member));
  }

  @Operation(summary = "Xem một đoàn viên")
  @GetMapping("/{code}")
  public MemberView get(@PathVariable String code) {
    return MemberView.of(members.get(code));
  }

  @Operation(summary = "Đoàn viên của một chi đoàn", description = "Tham số `branch`: mã chi đoàn trong phạm vi của người dùng.")
  @GetMapping
  public List<MemberView> ofBranch(@RequestParam String branch) {
    return members.ofBranch(branch).stream().map(MemberView::of).toList();
  }

  public record MemberView(String code, String fullName, LocalDate birthDate, Gender gender, String branchCode,
      LocalDate youthUnionJoinDate, boolean youthUnionActive, Education education, Rating lastRating,
      int lastRatingYear, LocalDate awarenessCertificateDate) {

    static MemberView of(Member m) {
      return new MemberView(m.getCode(), m.getFullName(), m.getBirthDate(), m.getGender(), m.getBranchCode(),
          m.getYouthUnionJoinDate(), m.isYouthUnionActive(), m.getEducation(), m.getLastRating(),
          m.getLastRatingYear(), m.getAwarenessCertificateDate());
    }
  }
}
