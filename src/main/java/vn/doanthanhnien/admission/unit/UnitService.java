package vn.doanthanhnien.admission.unit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.NotFoundException;

@Service
@Transactional(readOnly = true)
public class UnitService {

  private final OrgUnitRepository units;

  public UnitService(OrgUnitRepository units) {
    this.units = units;
  }

  public List<OrgUnit> all() {
    return units.findAllByOrderByCode();
  }

  public boolean isBranch(String code) {
    return code != null && units.findById(code).map(u -> u.getKind() == UnitKind.YOUTH_BRANCH).orElse(false);
  }

  /** Walks from a branch to its grassroots unit, Party cell, Party committee and superior committee. */
  public UnitChain chainOfBranch(String branchCode) {
    OrgUnit branch = require(branchCode, UnitKind.YOUTH_BRANCH);
    OrgUnit youthUnit = require(branch.getParentCode(), UnitKind.YOUTH_GRASSROOTS);
    OrgUnit cell = require(branch.getPartyCellCode(), UnitKind.PARTY_CELL);
    OrgUnit committee = require(cell.getParentCode(), UnitKind.PARTY_COMMITTEE);
    OrgUnit superior = require(committee.getParentCode(), UnitKind.PARTY_SUPERIOR_COMMITTEE);
    return new UnitChain(branch.getCode(), youthUnit.getCode(), cell.getCode(), committee.getCode(), superior.getCode());
  }

  public OrgUnit get(String code) {
    return units.findById(code)
        .orElseThrow(() -> new NotFoundException("Không có đơn vị mang mã " + code + "."));
  }

  public List<OrgUnit> children(String code) {
    return units.findAllByOrderByCode().stream().filter(u -> code.equals(u.getParentCode())).toList();
  }

  /**
   * The Youth Union branches whose candidates a unit answers for: the branches below a Youth Union unit, or the
   * branches attached to the Party cells below a Party unit.
   */
  public Set<String> branchesUnder(String code) {
    List<OrgUnit> all = units.findAllByOrderByCode();
    Map<String, List<OrgUnit>> children = all.stream().filter(u -> u.getParentCode() != null)
        .collect(Collectors.groupingBy(OrgUnit::getParentCode));
    Set<String> subtree = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(List.of(code));
    while (!next.isEmpty()) {
      String current = next.pop();
      if (subtree.add(current)) {
        children.getOrDefault(current, List.of()).forEach(child -> next.push(child.getCode()));
      }
    }
    return all.stream()
        .filter(u -> u.getKind() == UnitKind.YOUTH_BRANCH)
        .filter(u -> subtree.contains(u.getCode()) || subtree.contains(u.getPartyCellCode()))
        .map(OrgUnit::getCode)
        .collect(Collectors.toSet());
  }

  private OrgUnit require(String code, UnitKind kind) {
    OrgUnit unit = code == null ? null : units.findById(code).orElse(null);
    if (unit == null || unit.getKind() != kind) {
      throw new IllegalStateException("Unit structure incomplete: expected a " + kind + " but found " + code);
    }
    return unit;
  }
}
