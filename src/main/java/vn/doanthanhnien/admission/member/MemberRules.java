package vn.doanthanhnien.admission.member;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import vn.doanthanhnien.admission.common.InputCheck;

/**
 * What a member's registration must satisfy, the one set of rules for {@code POST /api/members} and for every row of
 * an imported file. Each problem names the field of {@link MemberRequest} it is about, which is the import's column.
 * Built once per request or file: today's date and the list of branches are read once, not once per row.
 */
final class MemberRules {

  private static final String CODE_PATTERN = "[A-Za-z0-9._-]{1,40}";

  record Problem(String field, String reason) {
  }

  /**
   * The member when every rule holds. The code and the branch as given when they are valid on their own, so that the
   * checks against the registry and the user's units can run even when another field of the row is wrong.
   */
  record Checked(Member member, String code, String branchCode, List<Problem> problems) {
  }

  private final LocalDate today;
  private final ZoneId zone;
  private final Set<String> branchCodes;

  MemberRules(LocalDate today, ZoneId zone, Set<String> branchCodes) {
    this.today = today;
    this.zone = zone;
    this.branchCodes = branchCodes;
  }

  static String alreadyRegistered(String code) {
    return "Đã có đoàn viên mang mã " + code + ".";
  }

  Checked check(MemberRequest r) {
    Fields f = new Fields();
    String code = f.read("code", in -> {
      String text = in.text("Mã đoàn viên (code)", r.code(), true, 40);
      if (text != null) {
        in.require(text.matches(CODE_PATTERN), "Mã đoàn viên chỉ gồm chữ không dấu, số và các ký tự . _ -");
      }
      return text;
    });
    String fullName = f.read("fullName", in -> in.text("Họ và tên (fullName)", r.fullName(), true, 255));
    LocalDate birthDate = f.read("birthDate", in -> in.pastDate("Ngày sinh (birthDate)", r.birthDate(), true, today));
    Gender gender = f.read("gender", in -> in.choice("Giới tính (gender: MALE, FEMALE)", r.gender(), Gender.class));
    String branchCode = f.read("branchCode", in -> {
      String text = in.text("Chi đoàn (branchCode)", r.branchCode(), true, 40);
      if (text != null) {
        in.require(branchCodes.contains(text), "Không có chi đoàn mang mã " + text + ".");
      }
      return text;
    });
    LocalDate joined = f.read("youthUnionJoinDate", in -> {
      LocalDate date = in.pastDate("Ngày vào Đoàn (youthUnionJoinDate)", r.youthUnionJoinDate(), true, today);
      if (date != null && birthDate != null) {
        in.require(date.isAfter(birthDate), "Ngày vào Đoàn phải sau ngày sinh.");
      }
      return date;
    });
    Boolean active = f.read("youthUnionActive",
        in -> in.flag("Đang sinh hoạt Đoàn (youthUnionActive: true, false)", r.youthUnionActive(), false));
    Education education = f.read("education",
        in -> in.choice("Trình độ học vấn (education)", r.education(), Education.class));
    Rating rating = f.read("lastRating", in -> in.choice("Xếp loại năm gần nhất (lastRating)", r.lastRating(),
        Rating.class));
    Integer ratingYear = f.read("lastRatingYear", in -> {
      Integer year = in.count("Năm xếp loại (lastRatingYear)", r.lastRatingYear(), true, 1950);
      if (year != null) {
        in.require(year <= today.getYear(), "Năm xếp loại không được sau năm hiện tại.");
      }
      return year;
    });
    LocalDate certificate = f.read("awarenessCertificateDate", in -> in.pastDate(
        "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng (awarenessCertificateDate)", r.awarenessCertificateDate(),
        false, today));
    Member member = f.problems.isEmpty()
        ? new Member(code, fullName, birthDate, gender, branchCode, joined, active == null || active, education,
            rating, ratingYear, certificate)
        : null;
    return new Checked(member, code, branchCode, List.copyOf(f.problems));
  }

  /** Checks each field on its own {@link InputCheck}, so that every reason stays tied to its field. */
  private final class Fields {

    private final List<Problem> problems = new ArrayList<>();

    /** The field's value, or null when it broke a rule. */
    <T> T read(String field, Function<InputCheck, T> rule) {
      InputCheck in = new InputCheck(zone);
      T value = rule.apply(in);
      in.reasons().forEach(reason -> problems.add(new Problem(field, reason)));
      return in.hasErrors() ? null : value;
    }
  }
}
