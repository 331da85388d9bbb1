package vn.doanthanhnien.admission.member;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.unit.UnitService;

@Service
@Transactional(readOnly = true)
public class MemberService {

  private final MemberRepository members;
  private final UnitService units;
  private final BusinessClock clock;
  private final UserScope scope;

  public MemberService(MemberRepository members, UnitService units, BusinessClock clock, UserScope scope) {
    this.members = members;
    this.units = units;
    this.clock = clock;
    this.scope = scope;
  }

  /** A member of a branch the signed-in user answers for. */
  public Member get(String code) {
    Member member = members.findById(code)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy đoàn viên có mã " + code + "."));
    scope.requireBranch(member.getBranchCode());
    return member;
  }

  public List<Member> ofBranch(String branchCode) {
    scope.requireBranch(branchCode);
    return members.findByBranchCodeOrderByCode(branchCode);
  }

  @Transactional
  public Member register(MemberRequest request) {
    MemberRules.Checked checked = rules().check(request);
    if (!checked.problems().isEmpty()) {
      throw new InvalidInputException(checked.problems().stream().map(MemberRules.Problem::reason).toList());
    }
    Member member = checked.member();
    scope.requireYouthOfficerOf(member.getBranchCode());
    if (members.existsById(member.getCode())) {
      throw new ConflictException(MemberRules.alreadyRegistered(member.getCode()));
    }
    return members.save(member);
  }

  private MemberRules rules() {
    return new MemberRules(clock.today(), clock.zone(), units.branchCodes());
  }
}
