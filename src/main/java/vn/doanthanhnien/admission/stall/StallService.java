package vn.doanthanhnien.admission.stall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.StageCounts;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.deadline.WorkingDays;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.report.PipelineStages;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * Where a unit's candidacies stall: per stage, the median and 90th percentile of the working days its completed visits
 * took in the year ({@link StageTimes}), the candidacies waiting there now, those among them that have waited longer
 * than the unit's 90th percentile for the stage (its usual time), and the stage that holds most of them.
 */
@Service
@Transactional(readOnly = true)
public class StallService {

  /** Above this many branches, the candidacies waiting are read for every branch instead of for a list of codes. */
  private static final int LISTED_BRANCHES = 50;

  private final StageTimes stageTimes;
  private final StallQueries stallQueries;
  private final StageCounts stageCounts;
  private final PipelineStages stages;
  private final UnitService units;
  private final WorkingDays workingDays;
  private final BusinessClock clock;
  private final UserScope scope;

  public StallService(StageTimes stageTimes, StallQueries stallQueries, StageCounts stageCounts,
      PipelineStages stages, UnitService units, WorkingDays workingDays, BusinessClock clock, UserScope scope) {
    this.stageTimes = stageTimes;
    this.stallQueries = stallQueries;
    this.stageCounts = stageCounts;
    this.stages = stages;
    this.units = units;
    this.workingDays = workingDays;
    this.clock = clock;
    this.scope = scope;
  }

  /**
   * @param completed visits of the stage completed in the year
   * @param medianWorkingDays their median, in working days (PERCENTILE_CONT 0.5); null without a completed visit
   * @param p90WorkingDays their 90th percentile (PERCENTILE_CONT 0.9): the unit's usual time for the stage
   * @param open candidacies waiting at the stage now
   * @param olderThanUsual those among them that have waited more working days than the 90th percentile; null
   *     without one
   */
  public record StageStall(String key, String name, long completed, Double medianWorkingDays, Double p90WorkingDays,
      long open, Long olderThanUsual) {
  }

  /** @param mostWaiting the stage with the most candidacies older than usual (then the most waiting); null if none */
  public record Stalls(int year, String unitCode, String unitName, LocalDate asOf, List<StageStall> stages,
      StageStall mostWaiting) {
  }

  public Stalls stalls(int year, String unitCode) {
    InputCheck in = new InputCheck(clock.zone());
    in.require(year >= 2000 && year <= 2100, "Năm phải trong khoảng 2000–2100: " + year + ".");
    in.throwIfInvalid("Không thể xem thời gian xử lý hồ sơ");
    OrgUnit unit = units.get(unitCode);
    scope.requireUnit(unitCode);
    Set<String> branches = units.branchesUnder(unitCode);
    LocalDate today = clock.today();

    Map<String, TreeMap<Integer, Long>> times = stageTimes.ofUnit(unitCode, year);
    Map<String, Double> p90s = new HashMap<>();
    Map<String, Instant> cutOffs = new HashMap<>();
    times.forEach((stage, histogram) -> {
      Double p90 = percentile(histogram, 0.9);
      if (p90 != null) {
        p90s.put(stage, p90);
        cutOffs.put(stage, waitedMoreThan(p90, today));
      }
    });
    Map<String, Long> open = new HashMap<>();
    Map<String, Long> older = new HashMap<>();
    if (!branches.isEmpty()) {
      boolean listed = branches.size() <= LISTED_BRANCHES;
      stageCounts.byBranch(listed ? branches : null).forEach((branch, stages) -> {
        if (branches.contains(branch)) {
          stages.forEach((stage, count) -> open.merge(stage, count, Long::sum));
        }
      });
      boolean everywhere = !listed && units.tree().coversEveryBranch(unitCode);
      cutOffs.forEach((stage, before) -> {
        if (open.getOrDefault(stage, 0L) > 0) {
          List<StallQueries.Older> rows = listed ? stallQueries.older(stage, before, branches)
              : everywhere ? stallQueries.olderEverywhere(stage, before) : stallQueries.olderByBranch(stage, before);
          for (StallQueries.Older row : rows) {
            if (row.branchCode() == null || branches.contains(row.branchCode())) {
              older.merge(row.stage(), row.candidacies(), Long::sum);
            }
          }
        }
      });
    }
    // The model read once: a stage the latest model no longer has (or the nomination) is named on its own.
    Map<String, String> names = new LinkedHashMap<>();
    stages.userTasks().forEach(stage -> names.put(stage.key(), stage.name()));
    Set<String> keys = new LinkedHashSet<>(names.keySet());
    keys.addAll(times.keySet());
    keys.addAll(open.keySet());

    List<StageStall> result = new ArrayList<>();
    for (String key : keys) {
      TreeMap<Integer, Long> histogram = times.getOrDefault(key, new TreeMap<>());
      Double p90 = p90s.get(key);
      result.add(new StageStall(key, names.computeIfAbsent(key, stages::name),
          histogram.values().stream().mapToLong(Long::longValue).sum(), percentile(histogram, 0.5), p90,
          open.getOrDefault(key, 0L), p90 == null ? null : older.getOrDefault(key, 0L)));
    }
    StageStall mostWaiting = result.stream().filter(s -> s.open() > 0)
        .max(Comparator.comparingLong((StageStall s) -> s.olderThanUsual() == null ? 0 : s.olderThanUsual())
            .thenComparingLong(StageStall::open))
        .orElse(null);
    return new Stalls(year, unit.getCode(), unit.getName(), today, result, mostWaiting);
  }

  /**
   * The instant before which a candidacy must have entered a stage to have waited more than {@code p90} working days
   * by today: at least floor(p90) + 1, that is entered on the day found or before.
   */
  private Instant waitedMoreThan(double p90, LocalDate today) {
    LocalDate lastDay = workingDays.minus(today, (int) Math.floor(p90) + 1);
    return lastDay.plusDays(1).atStartOfDay(clock.zone()).toInstant();
  }

  /**
   * The continuous percentile of the values a histogram counts, as SQL's PERCENTILE_CONT: the value at position
   * {@code p·(n−1)} of the n values in ascending order, interpolated between its two neighbours.
   */
  static Double percentile(TreeMap<Integer, Long> histogram, double p) {
    long n = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    double position = p * (n - 1);
    long lower = (long) Math.floor(position);
    int below = valueAt(histogram, lower);
    int above = valueAt(histogram, Math.min(lower + 1, n - 1));
    return below + (position - lower) * (above - below);
  }

  /** The {@code index}-th value (from 0) of those a histogram counts, in ascending order. */
  private static int valueAt(TreeMap<Integer, Long> histogram, long index) {
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
      seen += entry.getValue();
      if (index < seen) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("No value at " + index + " in " + histogram);
  }
}
