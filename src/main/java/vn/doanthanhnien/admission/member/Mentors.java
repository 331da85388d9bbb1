package vn.doanthanhnien.admission.member;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.identity.UserScope;

/**
 * Mentors of the pool's members: assigned by the Party cell of the member's branch (or an administrator), read by the
 * introducer stage as its default.
 */
@Service
@Transactional(readOnly = true)
public class Mentors {

  private final MentorRepository mentors;
  private final MemberRepository members;
  private final UserScope scope;
  private final CurrentUser user;
  private final BusinessClock clock;

  public Mentors(MentorRepository mentors, MemberRepository members, UserScope scope, CurrentUser user,
      BusinessClock clock) {
    this.mentors = mentors;
    this.members = members;
    this.scope = scope;
    this.user = user;
    this.clock = clock;
  }

  public record MentorRequest(String mentorName, String mentorOfficialSince) {
  }

  @Transactional
  public Mentor assign(String memberCode, MentorRequest request) {
    Member member = member(memberCode);
    scope.requireRoleOver(member.getBranchCode(), Roles.PARTY_CELL);
    InputCheck in = new InputCheck(clock.zone());
    String name = in.text("Họ và tên đảng viên giúp đỡ (mentorName)", request == null ? null : request.mentorName(),
        true, 100);
    LocalDate officialSince = in.pastDate("Ngày trở thành đảng viên chính thức (mentorOfficialSince)",
        request == null ? null : request.mentorOfficialSince(), false, clock.today());
    in.throwIfInvalid("Không thể phân công đảng viên giúp đỡ đoàn viên " + memberCode);
    Optional<Mentor> current = mentors.findById(memberCode);
    if (current.isPresent()) {
      current.get().reassign(name, officialSince, user.id(), clock.now());
      return current.get();
    }
    return mentors.save(new Mentor(memberCode, name, officialSince, user.id(), clock.now()));
  }

  /** The member's mentor, for a user who may see the member. */
  public Optional<Mentor> of(String memberCode) {
    scope.requireBranch(member(memberCode).getBranchCode());
    return mentors.findById(memberCode);
  }

  /** The member's mentor, for the application's own use (no user's scope applies): the introducer stage's default. */
  public Optional<Mentor> assigned(String memberCode) {
    return mentors.findById(memberCode);
  }

  private Member member(String code) {
    return members.findById(code)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy đoàn viên có mã " + code + "."));
  }
}
