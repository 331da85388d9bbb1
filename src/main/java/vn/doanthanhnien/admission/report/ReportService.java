package vn.doanthanhnien.admission.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitService;

/** Quotas and the yearly report of SPEC.md: introduced and admitted against the quota, by unit and sub-unit. */
@Service
@Transactional(readOnly = true)
public class ReportService {

  private final QuotaRepository quotas;
  private final ReportQueries queries;
  private final UnitService units;
  private final BusinessClock clock;
  private final UserScope scope;

  public ReportService(QuotaRepository quotas, ReportQueries queries, UnitService units, BusinessClock clock,
      UserScope scope) {
    this.quotas = quotas;
    this.queries = queries;
    this.units = units;
    this.clock = clock;
    this.scope = scope;
  }

  @Transactional
  public Quota setQuota(int year, String unitCode, Object introduced) {
    scope.requireAdmin();
    units.get(unitCode);
    InputCheck in = new InputCheck(clock.zone());
    in.require(year >= 2000 && year <= 2100, "Năm phải trong khoảng 2000–2100.");
    Integer count = in.count("Chỉ tiêu giới thiệu (introduced)", introduced, true, 0);
    in.throwIfInvalid("Không thể đặt chỉ tiêu");
    Quota quota = quotas.findById(new Quota.Key(year, unitCode)).orElse(null);
    if (quota == null) {
      return quotas.save(new Quota(year, unitCode, count));
    }
    quota.change(count);
    return quota;
  }

  /**
   * @param overdue candidacies in progress whose open stage is past its due date now, whatever the year asked for
   */
  public record AnnualReport(int year, String unitCode, String unitName, Integer quota, long introduced,
      long admitted, Double introducedToQuota, Double admittedToQuota, Map<String, Long> inProgressByStage,
      long overdue, List<AnnualReport> subUnits) {
  }

  public AnnualReport annual(int year, String unitCode) {
    OrgUnit unit = units.get(unitCode);
    scope.requireUnit(unitCode);
    return report(year, unit);
  }

  private AnnualReport report(int year, OrgUnit unit) {
    Set<String> branches = units.branchesUnder(unit.getCode());
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    long introduced = branches.isEmpty() ? 0 : queries.countIntroduced(branches, from, to);
    long admitted = branches.isEmpty() ? 0 : queries.countAdmitted(branches, from, to);
    long overdue = branches.isEmpty() ? 0 : queries.countOverdue(branches, clock.now());
    Map<String, Long> byStage = new TreeMap<>();
    if (!branches.isEmpty()) {
      queries.inProgressByStage(branches).forEach(row -> byStage.put((String) row[0], (Long) row[1]));
    }
    Integer quota = quotas.findById(new Quota.Key(year, unit.getCode())).map(Quota::getIntroduced).orElse(null);
    List<AnnualReport> subUnits = units.children(unit.getCode()).stream().map(u -> report(year, u)).toList();
    return new AnnualReport(year, unit.getCode(), unit.getName(), quota, introduced, admitted,
        ratio(introduced, quota), ratio(admitted, quota), byStage, overdue, subUnits);
  }

  private static Double ratio(long count, Integer quota) {
    return quota == null || quota == 0 ? null : (double) count / quota;
  }
}
