package vn.doanthanhnien.admission.member;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.unit.UnitService;

@Service
@Transactional(readOnly = true)
public class MemberService {

  private static final String CODE_PATTERN = "[A-Za-z0-9._-]{1,40}";

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
    Member member = validate(request);
    scope.requireYouthOfficerOf(member.getBranchCode());
    if (members.existsById(member.getCode())) {
      throw new ConflictException("Đã có đoàn viên mang mã " + member.getCode() + ".");
    }
    return members.save(member);
  }

  private Member validate(MemberRequest r) {
    LocalDate today = clock.today();
    InputCheck in = new InputCheck(clock.zone());
    String code = in.text("Mã đoàn viên (code)", r.code(), true, 40);
    if (code != null) {
      in.require(code.matches(CODE_PATTERN), "Mã đoàn viên chỉ gồm chữ không dấu, số và các ký tự . _ -");
    }
    String fullName = in.text("Họ và tên (fullName)", r.fullName(), true, 255);
    LocalDate birthDate = in.pastDate("Ngày sinh (birthDate)", r.birthDate(), true, today);
    Gender gender = in.choice("Giới tính (gender: MALE, FEMALE)", r.gender(), Gender.class);
    String branchCode = in.text("Chi đoàn (branchCode)", r.branchCode(), true, 40);
    if (branchCode != null) {
      in.require(units.isBranch(branchCode), "Không có chi đoàn mang mã " + branchCode + ".");
    }
    LocalDate joined = in.pastDate("Ngày vào Đoàn (youthUnionJoinDate)", r.youthUnionJoinDate(), true, today);
    if (joined != null && birthDate != null) {
      in.require(joined.isAfter(birthDate), "Ngày vào Đoàn phải sau ngày sinh.");
    }
    Education education = in.choice("Trình độ học vấn (education)", r.education(), Education.class);
    Rating rating = in.choice("Xếp loại năm gần nhất (lastRating)", r.lastRating(), Rating.class);
    Integer ratingYear = in.count("Năm xếp loại (lastRatingYear)", r.lastRatingYear(), true, 1950);
    if (ratingYear != null) {
      in.require(ratingYear <= today.getYear(), "Năm xếp loại không được sau năm hiện tại.");
    }
    LocalDate certificate = in.pastDate("Ngày cấp giấy chứng nhận lớp nhận thức về Đảng (awarenessCertificateDate)",
        r.awarenessCertificateDate(), false, today);
    in.throwIfInvalid();
    boolean active = r.youthUnionActive() == null || r.youthUnionActive();
    return new Member(code, fullName, birthDate, gender, branchCode, joined, active, education, rating, ratingYear,
        certificate);
  }
}
