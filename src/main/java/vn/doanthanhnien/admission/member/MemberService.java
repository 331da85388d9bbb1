package vn.doanthanhnien.admission.member;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.common.UniqueViolations;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.unit.UnitService;

@Service
@Transactional(readOnly = true)
public class MemberService {

  /** Rows written per JDBC batch and per flush of a bulk registration. */
  private static final int BATCH = 500;
  /** Codes per {@code in (…)} list when asking which are registered already. */
  private static final int CODES_PER_QUERY = 1000;

  private final MemberRepository members;
  private final EntityManager entityManager;
  private final UnitService units;
  private final BusinessClock clock;
  private final UserScope scope;

  public MemberService(MemberRepository members, EntityManager entityManager, UnitService units, BusinessClock clock,
      UserScope scope) {
    this.members = members;
    this.entityManager = entityManager;
    this.units = units;
    this.clock = clock;
    this.scope = scope;
  }

  /** One row of a bulk registration: its number in the file and its values. */
  public record Row(int number, MemberRequest request) {
  }

  /** A problem of one row: the field of {@link MemberRequest} it is about and the reason, in Vietnamese. */
  public record RowProblem(int row, String field, String reason) {
  }

  /** A bulk registration refused: every problem of every row; nothing was stored. */
  public static class RowsRefusedException extends RuntimeException {

    private final List<RowProblem> problems;

    RowsRefusedException(List<RowProblem> problems) {
      super(problems.size() + " problem(s) in the rows to register");
      this.problems = List.copyOf(problems);
    }

    public List<RowProblem> getProblems() {
      return problems;
    }
  }

  /** A registered member, for the application's own use (no user's scope applies): naming a task after its member. */
  @Transactional(readOnly = true)
  public Optional<Member> registered(String code) {
    return members.findById(code);
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
    if (!store(List.of(member))) {
      throw new ConflictException(MemberRules.alreadyRegistered(member.getCode()));
    }
    return member;
  }

  /**
   * Registers every row or none: each row by the rules of {@link #register}, and no code twice. When any row is
   * wrong, throws {@link RowsRefusedException} with every problem of every row.
   */
  @Transactional
  public int registerAll(List<Row> rows) {
    MemberRules rules = rules();
    List<RowProblem> problems = new ArrayList<>();
    List<Member> valid = new ArrayList<>(rows.size());
    Map<String, Integer> rowOfCode = new HashMap<>();
    Map<String, List<Integer>> rowsOfBranch = new LinkedHashMap<>();
    for (Row row : rows) {
      MemberRules.Checked checked = rules.check(row.request());
      checked.problems().forEach(p -> problems.add(new RowProblem(row.number(), p.field(), p.reason())));
      if (checked.code() != null) {
        Integer first = rowOfCode.putIfAbsent(checked.code(), row.number());
        if (first != null) {
          problems.add(new RowProblem(row.number(), "code",
              "Mã " + checked.code() + " đã có ở dòng " + first + " của tệp."));
        }
      }
      if (checked.branchCode() != null) {
        rowsOfBranch.computeIfAbsent(checked.branchCode(), b -> new ArrayList<>()).add(row.number());
      }
      if (checked.member() != null) {
        valid.add(checked.member());
      }
    }
    registered(List.copyOf(rowOfCode.keySet())).forEach(code ->
        problems.add(new RowProblem(rowOfCode.get(code), "code", MemberRules.alreadyRegistered(code))));
    rowsOfBranch.forEach((branch, numbers) -> {
      if (!scope.isYouthOfficerOf(branch)) {
        numbers.forEach(n -> problems.add(new RowProblem(n, "branchCode", "Bạn không có quyền đăng ký đoàn viên cho "
            + "chi đoàn " + branch + " (chỉ Bí thư chi đoàn hoặc Ban Chấp hành Đoàn cơ sở cấp trên).")));
      }
    });
    if (!problems.isEmpty()) {
      throw new RowsRefusedException(problems);
    }
    if (!store(valid)) {
      throw new ConflictException("Một số mã đoàn viên trong tệp vừa được đăng ký cùng lúc bởi một thao tác khác. Chưa "
          + "lưu đoàn viên nào; hãy tải tệp lên lại để xem những mã đã có.");
    }
    return valid.size();
  }

  private MemberRules rules() {
    return new MemberRules(clock.today(), clock.zone(), units.branchCodes());
  }

  private List<String> registered(List<String> codes) {
    List<String> found = new ArrayList<>();
    for (int from = 0; from < codes.size(); from += CODES_PER_QUERY) {
      found.addAll(members.findCodesIn(codes.subList(from, Math.min(codes.size(), from + CODES_PER_QUERY))));
    }
    return found;
  }

  /**
   * Inserts new members, batched. The code is assigned, not generated, so {@code save} would merge: one SELECT per
   * member before its INSERT. A code registered by someone else since the check fails the insert, and the whole
   * transaction with it: then false, for the caller to refuse the request.
   */
  private boolean store(List<Member> newMembers) {
    entityManager.unwrap(Session.class).setJdbcBatchSize(BATCH);
    try {
      for (int i = 0; i < newMembers.size(); i++) {
        entityManager.persist(newMembers.get(i));
        if ((i + 1) % BATCH == 0) {
          entityManager.flush();
          entityManager.clear();
        }
      }
      entityManager.flush();
      return true;
    } catch (PersistenceException e) {
      if (!UniqueViolations.causedBy(e)) {
        throw e;
      }
      return false;
    }
  }
}
