package vn.doanthanhnien.admission.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.ForbiddenException;
import vn.doanthanhnien.admission.identity.Roles.InUnit;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * What the signed-in user may see through {@code /api}, by the same rule as the engine's grants
 * ({@link CandidacyAuthorizations}): the candidacies and members of the branches below or attached to the units of
 * their groups. Administrators see everything; so does the application itself when nobody is signed in (the job
 * executor, start-up). Messages are for the user, so Vietnamese.
 */
@Component
public class UserScope {

  private final CurrentUser user;
  private final UnitService units;

  public UserScope(CurrentUser user, UnitService units) {
    this.user = user;
    this.units = units;
  }

  public boolean isUnrestricted() {
    return user.id() == null || user.groupIds().contains(Roles.ADMIN_GROUP);
  }

  public boolean canSeeBranch(String branchCode) {
    return isUnrestricted() || holdsRoleOver(branchCode, role -> true);
  }

  public void requireBranch(String branchCode) {
    if (!canSeeBranch(branchCode)) {
      throw new ForbiddenException("Bạn không có quyền xem dữ liệu của chi đoàn " + branchCode + ".");
    }
  }

  /** Background verification notes and opinions: the Party units of the candidacy only (docs/domain.md, stage 7). */
  public boolean canReadPartyRecordsOf(String branchCode) {
    return user.id() == null || holdsRoleOver(branchCode, Roles::isParty);
  }

  /** Members are registered and candidacies withdrawn by the Youth Union: the branch secretary or committee. */
  public boolean isYouthOfficerOf(String branchCode) {
    return isUnrestricted() || holdsRoleOver(branchCode, role -> !role.isParty());
  }

  public void requireYouthOfficerOf(String branchCode) {
    if (!isYouthOfficerOf(branchCode)) {
      throw new ForbiddenException("Chỉ Bí thư chi đoàn " + branchCode
          + " hoặc Ban Chấp hành Đoàn cơ sở cấp trên mới được thực hiện việc này.");
    }
  }

  /** Something only one role of the candidacy's units (or an administrator) may do, such as extending a deadline. */
  public void requireRoleOver(String branchCode, Roles role) {
    if (!isUnrestricted() && !holdsRoleOver(branchCode, role::equals)) {
      throw new ForbiddenException("Chỉ " + role.title() + " phụ trách chi đoàn " + branchCode
          + " mới được thực hiện việc này.");
    }
  }

  /**
   * A unit's figures and quota: the user's own units and those below them, a Party cell's attached branches included
   * (the cell's officers see those branches' candidacies anyway).
   */
  public boolean canSeeUnit(String unitCode) {
    return isUnrestricted() || roles().stream().anyMatch(r -> units.subtree(r.unitCode()).contains(unitCode));
  }

  public void requireUnit(String unitCode) {
    if (!canSeeUnit(unitCode)) {
      throw new ForbiddenException("Bạn không có quyền xem số liệu của đơn vị " + unitCode + ".");
    }
  }

  public void requireAdmin() {
    if (!isUnrestricted()) {
      throw new ForbiddenException("Chỉ quản trị hệ thống mới được thực hiện việc này.");
    }
  }

  private boolean holdsRoleOver(String branchCode, Predicate<Roles> which) {
    return roles().stream().filter(r -> which.test(r.role()))
        .anyMatch(r -> units.branchesUnder(r.unitCode()).contains(branchCode));
  }

  /** The roles of the signed-in user, one per unit group they belong to. */
  public List<InUnit> roles() {
    return user.groupIds().stream().map(Roles::ofGroup).flatMap(Optional::stream).toList();
  }
}
