package vn.doanthanhnien.admission.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitKind;
import vn.doanthanhnien.admission.unit.UnitService;
import vn.doanthanhnien.admission.unit.UnitTree;

/**
 * Quotas and the yearly report of docs/domain.md: nominated, introduced and admitted against the quota, by unit and sub-unit
 * in either tree. A unit counts the candidacies of the branches it answers for ({@link UnitService#branchesUnder}), and
 * breaks down into its {@link UnitService#subUnits}, so that the sub-units of a unit add up to it in both trees.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

  private static final Set<UnitKind> YOUTH_UNION = Set.of(UnitKind.YOUTH_BLOC, UnitKind.YOUTH_GRASSROOTS,
      UnitKind.YOUTH_BRANCH);

  private final QuotaRepository quotas;
  private final ReportQueries queries;
  private final UnitService units;
  private final BusinessClock clock;
  private final UserScope scope;
  /** Above this many branches, the counts are read for every branch instead of for a list of branch codes. */
  private int listedBranches = 50;

  public ReportService(QuotaRepository quotas, ReportQueries queries, UnitService units, BusinessClock clock,
      UserScope scope) {
    this.quotas = quotas;
    this.queries = queries;
    this.units = units;
    this.clock = clock;
    this.scope = scope;
  }

  /** For the test that both ways of counting give the same report. */
  void listBranchesUpTo(int branches) {
    this.listedBranches = branches;
  }

  @Transactional
  public Quota setQuota(int year, String unitCode, Object introduced) {
    scope.requireAdmin();
    OrgUnit unit = units.get(unitCode);
    InputCheck in = new InputCheck(clock.zone());
    checkYear(in, year);
    // Quotas are of members the Youth Union introduces (SPEC.md); a Party unit's figures are counted, not planned.
    in.require(YOUTH_UNION.contains(unit.getKind()), unit.getName() + " (" + unitCode + ") là " + unit.getKind().title()
        + " của Đảng; chỉ tiêu giới thiệu đoàn viên ưu tú chỉ đặt cho đơn vị của Đoàn (Đoàn khối, Đoàn cơ sở, "
        + "Chi đoàn).");
    Integer count = in.count("Chỉ tiêu giới thiệu (introduced)", introduced, true, 0);
    in.throwIfInvalid("Không thể đặt chỉ tiêu");
    Quota quota = quotas.findById(new Quota.Key(year, unitCode)).orElse(null);
    if (quota == null) {
      return quotas.save(new Quota(year, unitCode, count));
    }
    quota.change(count);
    return quota;
  }

  /** The quotas set for a year, of the units whose figures the user may see. */
  public List<Quota> quotas(int year) {
    InputCheck in = new InputCheck(clock.zone());
    checkYear(in, year);
    in.throwIfInvalid("Không thể xem chỉ tiêu");
    return quotas.findByYear(year).stream().filter(q -> scope.canSeeUnit(q.getUnitCode()))
        .sorted(Comparator.comparing(Quota::getUnitCode)).toList();
  }

  /**
   * @param nominated candidacies nominated in the year (the date in Vietnam), whatever became of them
   * @param introduced candidacies whose youth committee resolution is dated in the year
   * @param admitted candidacies whose approving admission decision is dated in the year
   * @param inProgressByStage candidacies in progress now, by the task key of their open stage, whatever the year
   * @param overdue candidacies in progress whose open stage is past its due date now, whatever the year asked for
   */
  public record AnnualReport(int year, String unitCode, String unitName, UnitKind unitKind, Integer quota,
      long nominated, long introduced, long admitted, Double introducedToQuota, Double admittedToQuota,
      Map<String, Long> inProgressByStage, long overdue, List<AnnualReport> subUnits) {
  }

  public AnnualReport annual(int year, String unitCode) {
    InputCheck in = new InputCheck(clock.zone());
    checkYear(in, year);
    in.throwIfInvalid("Không thể lập báo cáo");
    OrgUnit unit = units.get(unitCode);
    scope.requireUnit(unitCode);
    UnitTree tree = units.tree();
    Map<String, Integer> quotaOf = quotas.findByYear(year).stream()
        .collect(Collectors.toMap(Quota::getUnitCode, Quota::getIntroduced));
    return report(year, unit, tree, new BranchFigures(year, tree.branchesUnder(unitCode), clock.now()), quotaOf);
  }

  /** The year's counts of every branch below the unit asked for, read once; each unit of the report adds its own. */
  private final class BranchFigures {

    final Map<String, Long> nominated = new HashMap<>();
    final Map<String, Long> introduced = new HashMap<>();
    final Map<String, Long> admitted = new HashMap<>();
    final Map<String, Long> overdue = new HashMap<>();
    final Map<String, Map<String, Long>> inProgressByStage = new HashMap<>();

    BranchFigures(int year, Set<String> branches, Instant now) {
      LocalDate from = LocalDate.of(year, 1, 1);
      LocalDate to = LocalDate.of(year, 12, 31);
      Instant start = from.atStartOfDay(clock.zone()).toInstant();
      Instant end = to.plusDays(1).atStartOfDay(clock.zone()).toInstant();
      if (branches.isEmpty()) {
        return;
      }
      // Counted for every branch above the limit; the figures of branches outside the unit are never read (sum below).
      List<Object[]> rows = branches.size() <= listedBranches
          ? queries.figures(branches, start, end, from, to, now)
          : queries.figures(start, end, from, to, now);
      for (Object[] row : rows) {
        String branch = (String) row[0];
        add(nominated, branch, row[3]);
        add(introduced, branch, row[4]);
        add(admitted, branch, row[5]);
        add(overdue, branch, row[6]);
        if (row[1] == CandidacyStatus.IN_PROGRESS && row[2] != null) {
          add(inProgressByStage.computeIfAbsent(branch, b -> new HashMap<>()), (String) row[2], row[7]);
        }
      }
    }

    private static void add(Map<String, Long> counts, String key, Object count) {
      long n = ((Number) count).longValue();
      if (n > 0) {
        counts.merge(key, n, Long::sum);
      }
    }

    static long sum(Map<String, Long> counts, Set<String> branches) {
      return branches.stream().mapToLong(b -> counts.getOrDefault(b, 0L)).sum();
    }
  }

  private AnnualReport report(int year, OrgUnit unit, UnitTree tree, BranchFigures figures,
      Map<String, Integer> quotaOf) {
    Set<String> branches = tree.branchesUnder(unit.getCode());
    long nominated = BranchFigures.sum(figures.nominated, branches);
    long introduced = BranchFigures.sum(figures.introduced, branches);
    long admitted = BranchFigures.sum(figures.admitted, branches);
    long overdue = BranchFigures.sum(figures.overdue, branches);
    Map<String, Long> byStage = new TreeMap<>();
    branches.forEach(b -> figures.inProgressByStage.getOrDefault(b, Map.of())
        .forEach((stage, count) -> byStage.merge(stage, count, Long::sum)));
    Integer quota = quotaOf.get(unit.getCode());
    List<AnnualReport> subUnits = tree.subUnits(unit.getCode()).stream()
        .map(u -> report(year, u, tree, figures, quotaOf)).toList();
    return new AnnualReport(year, unit.getCode(), unit.getName(), unit.getKind(), quota, nominated, introduced,
        admitted, ratio(introduced, quota), ratio(admitted, quota), byStage, overdue, subUnits);
  }

  private static void checkYear(InputCheck in, int year) {
    in.require(year >= 2000 && year <= 2100, "Năm phải trong khoảng 2000–2100: " + year + ".");
  }

  private static Double ratio(long count, Integer quota) {
    return quota == null || quota == 0 ? null : (double) count / quota;
  }
}
