package vn.doanthanhnien.admission.identity;

import java.util.Arrays;
import java.util.Optional;
import vn.doanthanhnien.admission.unit.UnitKind;

/** The roles of docs/domain.md; a Camunda group per role and unit is named {@code <role>.<unitCode>}. */
public enum Roles {
  BRANCH_SECRETARY("branch-secretary", "Bí thư chi đoàn", UnitKind.YOUTH_BRANCH, false),
  YOUTH_COMMITTEE("youth-committee", "Ban Chấp hành Đoàn cơ sở", UnitKind.YOUTH_GRASSROOTS, false),
  PARTY_CELL("party-cell", "Chi ủy / Bí thư chi bộ", UnitKind.PARTY_CELL, true),
  PARTY_COMMITTEE("party-committee", "Đảng ủy cơ sở", UnitKind.PARTY_COMMITTEE, true),
  SUPERIOR_COMMITTEE("superior-committee", "Cấp ủy cấp trên", UnitKind.PARTY_SUPERIOR_COMMITTEE, true);

  /** Camunda's own administrators group: full access to Cockpit, Tasklist and Admin. */
  public static final String ADMIN_GROUP = "camunda-admin";

  /** The prefix of {@link #everyUnit}'s ids. */
  public static final String EVERY_PREFIX = "every.";

  private final String prefix;
  private final String title;
  private final UnitKind unitKind;
  private final boolean party;

  Roles(String prefix, String title, UnitKind unitKind, boolean party) {
    this.prefix = prefix;
    this.title = title;
    this.unitKind = unitKind;
    this.party = party;
  }

  /** A role held in one unit: what a group id such as {@code party-cell.CB-KTNN-01} stands for. */
  public record InUnit(Roles role, String unitCode) {
  }

  public String groupOf(String unitCode) {
    return prefix + "." + unitCode;
  }

  /**
   * The id under which the grants every unit of the role holds alike are kept once (the processes it may read and
   * start, every instance): not a Camunda group anyone joins, but one every member of a unit group of the role is
   * taken to be in when the engine checks an authorization ({@link AuthorizedGroupsPlugin}). {@code every} is no
   * role's prefix, so {@link #ofGroup} never reads it as a unit's group.
   */
  public String everyUnit() {
    return EVERY_PREFIX + prefix;
  }

  /** The kind of unit whose groups hold this role. */
  public UnitKind unitKind() {
    return unitKind;
  }

  public String groupName(String unitName) {
    return title + " — " + unitName;
  }

  public String title() {
    return title;
  }

  /** Party roles may read what the Party keeps from the Youth Union: background verification, opinions. */
  public boolean isParty() {
    return party;
  }

  /** The role whose group a unit of this kind has; a Youth Union bloc has none. */
  public static Optional<Roles> ofUnitKind(UnitKind kind) {
    return Arrays.stream(values()).filter(r -> r.unitKind == kind).findFirst();
  }

  public static Optional<InUnit> ofGroup(String groupId) {
    return Arrays.stream(values())
        .filter(r -> groupId.startsWith(r.prefix + ".") && groupId.length() > r.prefix.length() + 1)
        .findFirst()
        .map(r -> new InUnit(r, groupId.substring(r.prefix.length() + 1)));
  }
}
