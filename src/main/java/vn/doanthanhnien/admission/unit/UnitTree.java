package vn.doanthanhnien.admission.unit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Both trees of organisation units, read once: what a unit breaks down into and which branches it answers for. A
 * report walks the whole tree below a unit, so these answer from memory rather than with a query per unit. Immutable
 * and shared between requests ({@link UnitService#tree}); a unit's branches are worked out once per tree.
 */
public final class UnitTree {

  private final Map<String, OrgUnit> byCode = new HashMap<>();
  private final Map<String, List<OrgUnit>> below = new HashMap<>();
  private final Map<String, Set<String>> subtreeOf = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> branchesOf = new ConcurrentHashMap<>();
  private volatile Map<String, Set<String>> unitsAboveBranch;

  /** @param all every unit, ordered by code */
  UnitTree(List<OrgUnit> all) {
    for (OrgUnit unit : all) {
      byCode.put(unit.getCode(), unit);
      if (unit.getParentCode() != null) {
        below.computeIfAbsent(unit.getParentCode(), k -> new ArrayList<>()).add(unit);
      }
      if (unit.getPartyCellCode() != null && !unit.getPartyCellCode().equals(unit.getParentCode())) {
        below.computeIfAbsent(unit.getPartyCellCode(), k -> new ArrayList<>()).add(unit);
      }
    }
  }

  /** A unit, if the tree holds it. */
  public Optional<OrgUnit> unit(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The kind of a unit, if the tree holds it. */
  public Optional<UnitKind> kindOf(String code) {
    return Optional.ofNullable(byCode.get(code)).map(OrgUnit::getKind);
  }

  /**
   * The units a unit's figures break down into: the units directly below it in its own tree and, for a Party cell,
   * the Youth Union branches attached to it, whose candidates the cell answers for. Ordered by code.
   */
  public List<OrgUnit> subUnits(String code) {
    return Collections.unmodifiableList(below.getOrDefault(code, List.of()));
  }

  /** A unit with every unit below it, following {@link #subUnits}: a Party unit's subtree holds its cells' branches. */
  public Set<String> subtree(String code) {
    return subtreeOf.computeIfAbsent(code, c -> Collections.unmodifiableSet(walk(c)));
  }

  private Set<String> walk(String code) {
    Set<String> subtree = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(List.of(code));
    while (!next.isEmpty()) {
      String current = next.pop();
      if (subtree.add(current)) {
        subUnits(current).forEach(child -> next.push(child.getCode()));
      }
    }
    return subtree;
  }

  /**
   * The Youth Union branches whose candidates a unit answers for: the branches below a Youth Union unit, or the
   * branches attached to the Party cells below a Party unit.
   */
  public Set<String> branchesUnder(String code) {
    return branchesOf.computeIfAbsent(code, c -> Collections.unmodifiableSet(subtree(c).stream().map(byCode::get)
        .filter(u -> u != null && u.getKind() == UnitKind.YOUTH_BRANCH)
        .map(OrgUnit::getCode)
        .collect(Collectors.toSet())));
  }

  /** Whether a unit answers for every Youth Union branch there is (the top of a tree). */
  public boolean coversEveryBranch(String code) {
    return branchesUnder(code).size() == byCode.values().stream().filter(u -> u.getKind() == UnitKind.YOUTH_BRANCH).count();
  }

  /**
   * The units whose figures count a branch's candidacies: the branch and every unit whose {@link #branchesUnder} holds
   * it, in both trees. Empty for a code that is no branch.
   */
  public Set<String> unitsCounting(String branchCode) {
    Map<String, Set<String>> above = unitsAboveBranch;
    if (above == null) {
      Map<String, Set<String>> built = new HashMap<>();
      byCode.keySet().forEach(unit -> branchesUnder(unit)
          .forEach(branch -> built.computeIfAbsent(branch, b -> new HashSet<>()).add(unit)));
      built.replaceAll((branch, units) -> Collections.unmodifiableSet(units));
      above = built;
      unitsAboveBranch = built;
    }
    return above.getOrDefault(branchCode, Set.of());
  }
}
