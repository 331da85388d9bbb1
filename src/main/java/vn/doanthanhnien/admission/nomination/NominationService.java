package vn.doanthanhnien.admission.nomination;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.UniqueViolations;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberRepository;
import vn.doanthanhnien.admission.unit.UnitChain;
import vn.doanthanhnien.admission.unit.UnitService;

/** Stage 1: a branch secretary nominates a member; refused with every failed rule, or a candidacy is opened. */
@Service
public class NominationService {

  private static final String HEADLINE = "Không thể đề cử";

  private final MemberRepository members;
  private final EligibilityRules eligibility;
  private final CandidacyService candidacies;
  private final UnitService units;
  private final BusinessClock clock;

  public NominationService(MemberRepository members, EligibilityRules eligibility, CandidacyService candidacies,
      UnitService units, BusinessClock clock) {
    this.members = members;
    this.eligibility = eligibility;
    this.candidacies = candidacies;
    this.units = units;
    this.clock = clock;
  }

  public record Nomination(Candidacy candidacy, UnitChain units) {
  }

  /** Who nominates: a signed-in user with their groups, or null for the system itself (imports, benchmarks). */
  public record Nominator(String userId, List<String> groupIds) {
    boolean mayNominateIn(String branchCode) {
      return groupIds.contains(Roles.BRANCH_SECRETARY.groupOf(branchCode)) || groupIds.contains(Roles.ADMIN_GROUP);
    }
  }

  @Transactional
  public Nomination nominate(Object memberCode, Object reason, Nominator nominator, String processInstanceId) {
    InputCheck in = new InputCheck(clock.zone());
    String code = in.text("Mã đoàn viên", memberCode, true, 40);
    String why = in.text("Lý do đề cử", reason, true, 2000);
    in.throwIfInvalid(HEADLINE);
    Member member = members.findById(code).orElseThrow(() -> new InvalidInputException(HEADLINE,
        List.of("Không tìm thấy đoàn viên có mã " + code + " trong danh sách đoàn viên.")));

    if (nominator != null && !nominator.mayNominateIn(member.getBranchCode())) {
      throw new InvalidInputException(HEADLINE, List.of("Chỉ Bí thư chi đoàn " + member.getBranchCode()
          + " mới được đề cử đoàn viên của chi đoàn này."));
    }
    List<String> refusals = new ArrayList<>(eligibility.refusals(member, clock.today()));
    candidacies.openCandidacyOf(code).ifPresent(open -> refusals.add(
        "Đoàn viên đã có hồ sơ đề nghị kết nạp đang xử lý (hồ sơ số " + open.getId() + ")."));
    if (!refusals.isEmpty()) {
      throw new InvalidInputException(
          "Không thể đề cử đoàn viên " + member.getFullName() + " (" + code + ")", refusals);
    }
    UnitChain chain = units.chainOfBranch(member.getBranchCode());
    Candidacy candidacy;
    try {
      candidacy = candidacies.open(code, chain, why, nominator == null ? null : nominator.userId(), processInstanceId);
    } catch (DataIntegrityViolationException e) {
      if (!UniqueViolations.causedBy(e)) {
        throw e;
      }
      // Another nomination of the member committed since the check above: the same refusal as when it is seen there.
      throw new InvalidInputException("Không thể đề cử đoàn viên " + member.getFullName() + " (" + code + ")",
          List.of("Đoàn viên đã có hồ sơ đề nghị kết nạp đang xử lý (vừa được đề cử cùng lúc)."));
    }
    return new Nomination(candidacy, chain);
  }
}
