package vn.doanthanhnien.admission.unit;

/**
 * The units responsible for a candidate of one branch, from the branch up both trees. Their codes name the
 * candidate groups of the process's tasks.
 */
public record UnitChain(
    String branchCode,
    String youthUnitCode,
    String partyCellCode,
    String partyCommitteeCode,
    String superiorCommitteeCode) {
}
