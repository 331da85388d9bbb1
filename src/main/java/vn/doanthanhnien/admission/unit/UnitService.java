package vn.doanthanhnien.admission.unit;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

  private OrgUnit require(String code, UnitKind kind) {
    OrgUnit unit = code == null ? null : units.findById(code).orElse(null);
    if (unit == null || unit.getKind() != kind) {
      throw new IllegalStateException("Unit structure incomplete: expected a " + kind + " but found " + code);
    }
    return unit;
  }
}
