package vn.doanthanhnien.admission.member;

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

@RestController
@RequestMapping("/api/members")
public class MemberController {

  private final MemberService members;

  public MemberController(MemberService members) {
    this.members = members;
  }

  @PostMapping
  public ResponseEntity<MemberView> register(@RequestBody MemberRequest request) {
    Member member = members.register(request);
    return ResponseEntity.created(URI.create("/api/members/" + member.getCode())).body(MemberView.of(member));
  }

  @GetMapping("/{code}")
  public MemberView get(@PathVariable String code) {
    return MemberView.of(members.get(code));
  }

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
