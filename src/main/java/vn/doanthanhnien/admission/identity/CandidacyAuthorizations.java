package vn.doanthanhnien.admission.identity;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.unit.UnitChain;

/**
 * Who may see one candidacy in the engine: the groups of its branch, grassroots unit, Party cell, Party committee and
 * superior committee read the process instance, its variables and its history, and nobody else does (administrators
 * read everything). Tasks are granted by the engine itself to their candidate group.
 *
 * <p>Two rows per process instance, whatever the number of units: one on the instance and one on its history, both to
 * the id of the branch's chain ({@link #chainOf}, {@code chain.<branch>}). Nobody is a member of such a group; an
 * officer counts as one when the engine checks an authorization, for every branch the unit of each of their role
 * groups answers for, read from the unit tree at that moment ({@link AuthorizedGroupsPlugin}). So a user moved to
 * another unit, or a branch added below a unit, changes what they see at once, on every node. Before, the five unit
 * groups were granted one by one, ten rows per instance ({@link ChainGrantsMigration} replaces those).
 */
@Component
public class CandidacyAuthorizations {

  /** Stands for the five units of a branch's chain in the engine's grants; no role's group prefix. */
  public static final String CHAIN_PREFIX = "chain.";

  private final Grants grants;

  public CandidacyAuthorizations(Grants grants) {
    this.grants = grants;
  }

  public static String chainOf(String branchCode) {
    return CHAIN_PREFIX + branchCode;
  }

  /**
   * A meeting recorded in Tasklist (process {@code unit-meeting}): every role group of the unit that met reads the
   * meeting's process instance and its history; its task is the initiator's own.
   */
  public void grantMeetingToUnit(String processInstanceId, String unitCode) {
    for (Roles role : Roles.values()) {
      String groupId = role.groupOf(unitCode);
      grants.onNewResource(groupId, PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
      grants.onNewResource(groupId, HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }
  }

  /** The instance of a candidacy (its admission, its probation) and its history, to the branch's chain. */
  public void grantToUnitsOf(String processInstanceId, UnitChain chain) {
    String groupId = chainOf(chain.branchCode());
    grants.onNewResource(groupId, PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
    grants.onNewResource(groupId, HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
  }
}
