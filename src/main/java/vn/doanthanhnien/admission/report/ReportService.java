package vn.doanthanhnien.admission.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Milestone;
import vn.doanthanhnien.admission.candidacy.MilestoneCounters;
import vn.doanthanhnien.admission.candidacy.StageCounts;
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
 * breaks down into its {@link UnitService#subUnits}, so that the sub-units of a unit add up to it in both trees. The
 * milestones are read from the branches' counters ({@link MilestoneCounters}), those in progress from theirs
 * ({@link StageCounts}), and {@link #checkCounters} recounts both.
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
  private final MilestoneCounters counters;
  private final StageCounts stageCounts;
  /** Above this many branches, the counts are read for every branch instead of for a list of branch codes. */
  private int listedBranches = 50;

  public ReportService(QuotaRepository quotas, ReportQueries queries, UnitService units, BusinessClock clock,
      UserScope scope, MilestoneCounters counters, StageCounts stageCounts) {
    this.counters = counters;
    this.stageCounts = stageCounts;
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

  /**
   * The year's counts of every branch below the unit asked for, read once; each unit of the report adds its own. The
   * milestones and those in progress come from the counters, the overdue ones from the candidacies' indexes.
   */
  private final class BranchFigures {

    final Map<String, Map<Milestone, Long>> milestones;
    final Map<String, Long> overdue = new HashMap<>();
    final Map<String, Map<String, Long>> inProgressByStage = new HashMap<>();

    BranchFigures(int year, Set<String> branches, Instant now) {
      if (branches.isEmpty()) {
        milestones = Map.of();
        return;
      }
      // Read for every branch above the limit; the figures of branches outside the unit are never read (sum below).
      boolean listed = branches.size() <= listedBranches;
      milestones = counters.ofYear(year, listed ? branches : null);
      stageCounts.byBranch(listed ? branches : null).forEach((branch, stages) -> stages
          .forEach((stage, count) -> add(inProgressByStage.computeIfAbsent(branch, b -> new HashMap<>()), stage, count)));
      for (Object[] row : listed ? queries.overdue(branches, now) : queries.overdue(now)) {
        add(overdue, (String) row[0], row[1]);
      }
    }

    long sum(Milestone milestone, Set<String> branches) {
      return branches.stream().mapToLong(b -> milestones.getOrDefault(b, Map.of()).getOrDefault(milestone, 0L)).sum();
    }

    private static void add(Map<String, Long> counts, String key, Object count) {
      long n = ((Number) count).longValue();
      if (n > 0) {
        counts.merge(key, n, Long::sum);
      }
    }
  }

  private AnnualReport report(int year, OrgUnit unit, UnitTree tree, BranchFigures figures,
      Map<String, Integer> quotaOf) {
    Set<String> branches = tree.branchesUnder(unit.getCode());
    long nominated = figures.sum(Milestone.NOMINATED, branches);
    long introduced = figures.sum(Milestone.INTRODUCED, branches);
    long admitted = figures.sum(Milestone.ADMITTED, branches);
    long overdue = branches.stream().mapToLong(b -> figures.overdue.getOrDefault(b, 0L)).sum();
    Map<String, Long> byStage = new TreeMap<>();
    branches.forEach(b -> figures.inProgressByStage.getOrDefault(b, Map.of())
        .forEach((stage, count) -> byStage.merge(stage, count, Long::sum)));
    Integer quota = quotaOf.get(unit.getCode());
    List<AnnualReport> subUnits = tree.subUnits(unit.getCode()).stream()
        .map(u -> report(year, u, tree, figures, quotaOf)).toList();
    return new AnnualReport(year, unit.getCode(), unit.getName(), unit.getKind(), quota, nominated, introduced,
        admitted, ratio(introduced, quota), ratio(admitted, quota), byStage, overdue, subUnits);
  }

  /**
   * @param counted what the counter says
   * @param recounted what the candidacies say
   */
  public record CounterDifference(String branchCode, Milestone milestone, long counted, long recounted) {
  }

  /**
   * @param counted what the counter of the branch and stage says
   * @param recounted how many candidacies of the branch are in progress at the stage
   */
  public record InProgressDifference(String branchCode, String stage, long counted, long recounted) {
  }

  /**
   * @param differences every counter of the year that does not agree with the candidacies; none when all agree
   * @param inProgressDifferences every counter of the candidacies in progress now that does not agree with them
   */
  public record CounterCheck(int year, int branches, List<CounterDifference> differences,
      List<InProgressDifference> inProgressDifferences) {
  }

  /**
   * Recounts the year's milestones and the candidacies in progress now from the candidacies and compares them with the
   * counters the report reads.
   */
  public CounterCheck checkCounters(int year) {
    scope.requireAdmin();
    InputCheck in = new InputCheck(clock.zone());
    checkYear(in, year);
    in.throwIfInvalid("Không thể đối chiếu số liệu");
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    Map<String, Map<Milestone, Long>> recounted = new HashMap<>();
    for (Object[] row : queries.recount(from.atStartOfDay(clock.zone()).toInstant(),
        to.plusDays(1).atStartOfDay(clock.zone()).toInstant(), from, to)) {
      Map<Milestone, Long> counts = recounted.computeIfAbsent((String) row[0], b -> new EnumMap<>(Milestone.class));
      counts.put(Milestone.NOMINATED, ((Number) row[1]).longValue());
      counts.put(Milestone.INTRODUCED, ((Number) row[2]).longValue());
      counts.put(Milestone.ADMITTED, ((Number) row[3]).longValue());
    }
    Map<String, Map<Milestone, Long>> counted = counters.ofYear(year, null);
    Set<String> branches = new TreeSet<>(recounted.keySet());
    branches.addAll(counted.keySet());
    List<CounterDifference> differences = new ArrayList<>();
    for (String branch : branches) {
      for (Milestone milestone : Milestone.values()) {
        long counter = counted.getOrDefault(branch, Map.of()).getOrDefault(milestone, 0L);
        long recount = recounted.getOrDefault(branch, Map.of()).getOrDefault(milestone, 0L);
        if (counter != recount) {
          differences.add(new CounterDifference(branch, milestone, counter, recount));
        }
      }
    }
    Map<String, Map<String, Long>> inProgress = new HashMap<>();
    queries.recountInProgress().forEach(row -> inProgress.computeIfAbsent((String) row[0], b -> new HashMap<>())
        .put((String) row[1], ((Number) row[2]).longValue()));
    Map<String, Map<String, Long>> inProgressCounted = stageCounts.byBranch(null);
    Set<String> inProgressBranches = new TreeSet<>(inProgress.keySet());
    inProgressBranches.addAll(inProgressCounted.keySet());
    List<InProgressDifference> inProgressDifferences = new ArrayList<>();
    for (String branch : inProgressBranches) {
      Set<String> stages = new TreeSet<>(inProgress.getOrDefault(branch, Map.of()).keySet());
      stages.addAll(inProgressCounted.getOrDefault(branch, Map.of()).keySet());
      for (String stage : stages) {
        long counter = inProgressCounted.getOrDefault(branch, Map.of()).getOrDefault(stage, 0L);
        long recount = inProgress.getOrDefault(branch, Map.of()).getOrDefault(stage, 0L);
        if (counter != recount) {
          inProgressDifferences.add(new InProgressDifference(branch, stage, counter, recount));
        }
      }
    }
    return new CounterCheck(year, branches.size(), differences, inProgressDifferences);
  }

  private static void checkYear(InputCheck in, int year) {
    in.require(year >= 2000 && year <= 2100, "Năm phải trong khoảng 2000–2100: " + year + ".");
  }

  private static Double ratio(long count, Integer quota) {
    return quota == null || quota == 0 ? null : (double) count / quota;
  }
}
