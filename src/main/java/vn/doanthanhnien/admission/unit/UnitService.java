package vn.doanthanhnien.admission.unit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.NotFoundException;

@Service
@Transactional(readOnly = true)
public class UnitService {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

  private static final long TREE_MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final OrgUnitRepository units;
  private final BusinessClock clock;
  private final AtomicReference<TreeRead> lastTree = new AtomicReference<>();

  private record TreeRead(long units, long readAt, UnitTree tree) {
  }

  public UnitService(OrgUnitRepository units, BusinessClock clock) {
    this.units = units;
    this.clock = clock;
  }

  public record UnitRequest(String code, String name, String kind, String parentCode, String partyCellCode) {
  }

  /**
   * Adds a unit where the two trees allow it: a branch below a grassroots unit and attached to a Party cell, a cell
   * below a Party committee, a committee below a superior committee.
   */
  @Transactional
  public OrgUnit create(UnitRequest request) {
    InputCheck in = new InputCheck(clock.zone());
    String code = in.text("Mã đơn vị (code)", request.code(), true, 40);
    String name = in.text("Tên đơn vị (name)", request.name(), true, 255);
    UnitKind kind = in.choice("Loại đơn vị (kind)", request.kind(), UnitKind.class);
    in.throwIfInvalid("Không thể tạo đơn vị");
    in.require(CODE.matcher(code).matches(),
        "Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ KTNN-02).");
    in.require(!units.existsById(code), "Đã có đơn vị mang mã " + code + ".");
    checkLink(in, "Đơn vị cấp trên (parentCode)", request.parentCode(), kind.parentKind, kind.parentRequired);
    checkLink(in, "Chi bộ phụ trách (partyCellCode)", request.partyCellCode(),
        kind == UnitKind.YOUTH_BRANCH ? UnitKind.PARTY_CELL : null, kind == UnitKind.YOUTH_BRANCH);
    in.throwIfInvalid("Không thể tạo đơn vị " + code);
    return units.save(new OrgUnit(code, name, kind, blankToNull(request.parentCode()),
        blankToNull(request.partyCellCode())));
  }

  private void checkLink(InputCheck in, String label, String code, UnitKind expected, boolean required) {
    if (code == null || code.isBlank()) {
      in.require(!required, label + " là bắt buộc với loại đơn vị này.");
    } else if (expected == null) {
      in.fail(label + " không dùng cho loại đơn vị này.");
    } else {
      in.require(units.findById(code).map(u -> u.getKind() == expected).orElse(false),
          label + ": không có đơn vị loại " + expected + " mang mã " + code + ".");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public List<OrgUnit> all() {
    return units.findAllByOrderByCode();
  }

  public Set<String> branchCodes() {
    return units.findAllByOrderByCode().stream().filter(u -> u.getKind() == UnitKind.YOUTH_BRANCH)
        .map(OrgUnit::getCode).collect(Collectors.toSet());
  }

  /**
   * Walks from a branch to its grassroots unit, Party cell, Party committee and superior committee, in the tree as last
   * read when it holds the branch ({@link #treeKnowing}: units are only added, never moved, so the chain above a branch
   * never changes).
   */
  public UnitChain chainOfBranch(String branchCode) {
    UnitTree tree = treeKnowing(branchCode);
    OrgUnit branch = require(tree, branchCode, UnitKind.YOUTH_BRANCH);
    OrgUnit youthUnit = require(tree, branch.getParentCode(), UnitKind.YOUTH_GRASSROOTS);
    OrgUnit cell = require(tree, branch.getPartyCellCode(), UnitKind.PARTY_CELL);
    OrgUnit committee = require(tree, cell.getParentCode(), UnitKind.PARTY_COMMITTEE);
    OrgUnit superior = require(tree, committee.getParentCode(), UnitKind.PARTY_SUPERIOR_COMMITTEE);
    return new UnitChain(branch.getCode(), youthUnit.getCode(), cell.getCode(), committee.getCode(), superior.getCode());
  }

  public Optional<OrgUnit> find(String code) {
    return code == null ? Optional.empty() : units.findById(code);
  }

  public OrgUnit get(String code) {
    return units.findById(code)
        .orElseThrow(() -> new NotFoundException("Không có đơn vị mang mã " + code + "."));
  }

  /**
   * Both trees, for walking them (a report over many units, the scope of each request). Read again when the number of
   * units has changed since the last read (units are only ever added: {@link #create}, the demo data, SQL), on this
   * node or another, and at least every {@link #TREE_MAX_AGE_NANOS}, so that a unit renamed in the database directly
   * shows within a minute. A count is one quick query; reading a national tree of thousands of units on every request
   * was 40 % of the yearly report's time (docs/performance.md, change 8).
   */
  public UnitTree tree() {
    long count = units.count();
    long now = System.nanoTime();
    TreeRead last = lastTree.get();
    if (last != null && last.units() == count && now - last.readAt() < TREE_MAX_AGE_NANOS) {
      return last.tree();
    }
    List<OrgUnit> all = units.findAllByOrderByCode();
    UnitTree tree = new UnitTree(all);
    lastTree.set(new TreeRead(all.size(), now, tree));
    return tree;
  }

  /**
   * The tree as last read if it already holds the branch, without the change check: units are only ever added, never
   * moved, so the units above a branch the tree knows are those of any later tree (for counting a stage completed in
   * the branch, see {@code StageTimes}); otherwise {@link #tree()}.
   */
  public UnitTree treeKnowing(String branchCode) {
    TreeRead last = lastTree.get();
    if (last != null && !last.tree().unitsCounting(branchCode).isEmpty()) {
      return last.tree();
    }
    return tree();
  }

  /**
   * A unit's name as the tree last read holds it while that is younger than {@link #TREE_MAX_AGE_NANOS}, without a
   * query; otherwise from {@link #tree()}. Units are only added (a unit the tree does not hold reads it again) and are
   * renamed only in the database directly, which then shows within a minute here as in every report. Every task is
   * named after its member's branch: reading the unit for each one was a statement per task (docs/performance.md,
   * change 18).
   */
  public String nameOf(String code) {
    TreeRead last = lastTree.get();
    Optional<OrgUnit> known = last != null && System.nanoTime() - last.readAt() < TREE_MAX_AGE_NANOS
        ? last.tree().unit(code) : Optional.empty();
    return known.or(() -> tree().unit(code)).map(OrgUnit::getName)
        .orElseThrow(() -> new NotFoundException("Không có đơn vị mang mã " + code + "."));
  }

  /** See {@link UnitTree#subUnits}. */
  public List<OrgUnit> subUnits(String code) {
    return tree().subUnits(code);
  }

  /** See {@link UnitTree#subtree}. */
  public Set<String> subtree(String code) {
    return tree().subtree(code);
  }

  /** See {@link UnitTree#branchesUnder}. */
  public Set<String> branchesUnder(String code) {
    return tree().branchesUnder(code);
  }

  private static OrgUnit require(UnitTree tree, String code, UnitKind kind) {
    OrgUnit unit = code == null ? null : tree.unit(code).orElse(null);
    if (unit == null || unit.getKind() != kind) {
      throw new IllegalStateException("Unit structure incomplete: expected a " + kind + " but found " + code);
    }
    return unit;
  }
}
