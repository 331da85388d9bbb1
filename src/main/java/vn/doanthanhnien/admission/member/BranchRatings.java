package vn.doanthanhnien.admission.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitKind;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * A branch's yearly rating of its members ("đánh giá, phân loại đoàn viên hằng năm"), recorded in one go, all or
 * nothing: by {@code PUT /api/branches/{branch}/ratings/{year}} and by a workbook ({@link RatingImport}). Recording a
 * year again replaces that year's rating of every member listed; the members left out keep theirs.
 */
@Service
@Transactional(readOnly = true)
public class BranchRatings {

  /** The first year a rating may be recorded for; earlier is a typing mistake. */
  private static final int FIRST_YEAR = 1950;

  private final MemberRepository members;
  private final UnitService units;
  private final UserScope scope;
  private final CurrentUser user;
  private final BusinessClock clock;

  public BranchRatings(MemberRepository members, UnitService units, UserScope scope, CurrentUser user,
      BusinessClock clock) {
    this.members = members;
    this.units = units;
    this.scope = scope;
    this.user = user;
    this.clock = clock;
  }

  /** One member's rating as given: {@code row} is its row in a file, or its place in the list (from 1). */
  public record Entry(int row, String memberCode, String rating) {
  }

  /** A problem of one entry, naming the field ({@code memberCode} or {@code rating}); Vietnamese. */
  public record EntryProblem(int row, String field, String reason) {
  }

  /** Every problem of every entry; nothing was stored. */
  public static class EntriesRefusedException extends RuntimeException {

    private final List<EntryProblem> problems;

    EntriesRefusedException(List<EntryProblem> problems) {
      super(problems.size() + " problem(s) in the ratings to record");
      this.problems = List.copyOf(problems);
    }

    public List<EntryProblem> getProblems() {
      return problems;
    }
  }

  /**
   * @param replaced how many of the members already had a rating of the year, now replaced
   * @param unrated the branch's active members still without a rating of the year
   */
  public record Recorded(String branchCode, int year, int recorded, int replaced, List<String> unrated) {

    public String message() {
      return "Đã ghi xếp loại năm " + year + " của " + recorded + " đoàn viên chi đoàn " + branchCode
          + (replaced == 0 ? "" : " (thay " + replaced + " xếp loại đã ghi trước đó của năm này)")
          + (unrated.isEmpty() ? "." : "; còn " + unrated.size() + " đoàn viên đang sinh hoạt chưa được xếp loại năm "
              + year + ": " + String.join(", ", unrated) + ".");
    }
  }

  /** A member of the branch and the rating of the year, null when not rated that year. */
  public record MemberRating(String memberCode, String fullName, boolean youthUnionActive, Rating rating) {
  }

  /** The branch's members with their rating of {@code year}: what the branch recorded, or what is left to record. */
  public List<MemberRating> ofYear(String branchCode, int year) {
    requireBranch(branchCode);
    scope.requireBranch(branchCode);
    return members.findByBranchCodeOrderByCode(branchCode).stream()
        .map(m -> new MemberRating(m.getCode(), m.getFullName(), m.isYouthUnionActive(), m.ratingOf(year).orElse(null)))
        .toList();
  }

  /**
   * Records the ratings, all or none. Refused as a whole (403) for a user who does not manage the branch's members,
   * and (400, {@link InvalidInputException}) for a year in the future; with every problem of every entry
   * ({@link EntriesRefusedException}) for an unknown member, a member of another branch, an unknown rating or a
   * member listed twice.
   */
  @Transactional
  public Recorded record(String branchCode, int year, List<Entry> entries) {
    requireBranch(branchCode);
    scope.requireYouthOfficerOf(branchCode);
    int thisYear = clock.today().getYear();
    InputCheck in = new InputCheck(clock.zone());
    in.require(year <= thisYear, "Năm xếp loại " + year + " chưa đến: chỉ ghi được xếp loại của năm nay (" + thisYear
        + ") hoặc các năm trước.");
    in.require(year >= FIRST_YEAR, "Năm xếp loại " + year + " không hợp lệ.");
    in.require(!entries.isEmpty(), "Danh sách xếp loại không có đoàn viên nào.");
    in.throwIfInvalid("Không thể ghi xếp loại năm " + year + " của chi đoàn " + branchCode);

    Map<String, Member> found = new HashMap<>();
    List<String> codes = entries.stream().map(Entry::memberCode).filter(c -> c != null && !c.isBlank())
        .map(String::trim).distinct().toList();
    members.findAllById(codes).forEach(m -> found.put(m.getCode(), m));
    List<EntryProblem> problems = new ArrayList<>();
    Map<String, Integer> rowOfCode = new HashMap<>();
    Map<Member, Rating> valid = new LinkedHashMap<>();
    for (Entry entry : entries) {
      String code = entry.memberCode() == null || entry.memberCode().isBlank() ? null : entry.memberCode().trim();
      Member member = null;
      if (code == null) {
        problems.add(new EntryProblem(entry.row(), "memberCode", "Thiếu mã đoàn viên (memberCode)."));
      } else if (rowOfCode.putIfAbsent(code, entry.row()) != null) {
        problems.add(new EntryProblem(entry.row(), "memberCode", "Đoàn viên " + code + " đã có ở dòng "
            + rowOfCode.get(code) + ": mỗi đoàn viên chỉ được xếp loại một lần."));
      } else if ((member = found.get(code)) == null) {
        problems.add(new EntryProblem(entry.row(), "memberCode", "Không có đoàn viên mang mã " + code + "."));
      } else if (!member.getBranchCode().equals(branchCode)) {
        problems.add(new EntryProblem(entry.row(), "memberCode", "Đoàn viên " + code + " (" + member.getFullName()
            + ") thuộc chi đoàn " + member.getBranchCode() + ", không thuộc chi đoàn " + branchCode + "."));
        member = null;
      }
      Rating rating = Rating.parse(entry.rating()).orElse(null);
      if (rating == null) {
        problems.add(new EntryProblem(entry.row(), "rating", (entry.rating() == null || entry.rating().isBlank()
            ? "Thiếu xếp loại (rating)" : "Xếp loại \"" + entry.rating() + "\" không hợp lệ")
            + (code == null ? "" : " của đoàn viên " + code) + ". Dùng một trong: " + choices() + "."));
      }
      if (member != null && rating != null) {
        valid.put(member, rating);
      }
    }
    if (!problems.isEmpty()) {
      throw new EntriesRefusedException(problems);
    }
    String recordedBy = user.id();
    Instant now = clock.now();
    int replaced = (int) valid.entrySet().stream()
        .filter(e -> e.getKey().rate(year, e.getValue(), recordedBy, now).isPresent()).count();
    List<String> unrated = members.findByBranchCodeOrderByCode(branchCode).stream()
        .filter(m -> m.isYouthUnionActive() && m.ratingOf(year).isEmpty()).map(Member::getCode).toList();
    return new Recorded(branchCode, year, valid.size(), replaced, unrated);
  }

  /** The history of one member, earliest year first. */
  public List<RatingOfYear> history(String memberCode) {
    Member member = members.findById(memberCode)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy đoàn viên có mã " + memberCode + "."));
    scope.requireBranch(member.getBranchCode());
    return member.ratings().entrySet().stream().map(e -> new RatingOfYear(e.getKey(), e.getValue().getRating(),
        e.getValue().getRating().label(), e.getValue().getRecordedBy(), e.getValue().getRecordedAt())).toList();
  }

  public record RatingOfYear(int year, Rating rating, String label, String recordedBy, Instant recordedAt) {
  }

  /** Every entry's problems as sentences naming the entry, the member and the field, for an answer of /api. */
  public static List<String> sentences(List<EntryProblem> problems, Map<Integer, String> codeOfRow) {
    return problems.stream().map(p -> "Mục " + p.row() + (codeOfRow.get(p.row()) == null ? ""
        : " (đoàn viên " + codeOfRow.get(p.row()) + ")") + ", trường " + p.field() + ": " + p.reason()).toList();
  }

  static String choices() {
    return Arrays.stream(Rating.values()).map(r -> r.name() + " (" + r.label() + ")")
        .collect(Collectors.joining(", "));
  }

  private void requireBranch(String branchCode) {
    OrgUnit unit = units.find(branchCode).orElse(null);
    if (unit == null || unit.getKind() != UnitKind.YOUTH_BRANCH) {
      throw new NotFoundException("Không có chi đoàn mang mã " + branchCode + ".");
    }
  }
}
