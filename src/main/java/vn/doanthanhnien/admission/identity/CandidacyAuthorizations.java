package vn.doanthanhnien.admission.identity;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.unit.UnitChain;

/**
 * Who may see one candidacy in the engine: the groups of its branch, grassroots unit, Party cell, Party committee and
 * superior committee read the process instance, its variables and its history, and nobody else does (administrators
 * read everything). Tasks are granted by the engine itself to their candidate group. Granted to groups, not users, so
 * moving a user to another unit changes what they see at once.
 */
@Component
public class CandidacyAuthorizations {

  private final Grants grants;

  public CandidacyAuthorizations(Grants grants) {
    this.grants = grants;
  }

  public static List<String> groupsOf(UnitChain chain) {
    return List.of(
        Roles.BRANCH_SECRETARY.groupOf(chain.branchCode()),
        Roles.YOUTH_COMMITTEE.groupOf(chain.youthUnitCode()),
        Roles.PARTY_CELL.groupOf(chain.partyCellCode()),
        Roles.PARTY_COMMITTEE.groupOf(chain.partyCommitteeCode()),
        Roles.SUPERIOR_COMMITTEE.groupOf(chain.superiorCommitteeCode()));
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

  public void grantToUnitsOf(String processInstanceId, UnitChain chain) {
    for (String groupId : groupsOf(chain)) {
      grants.onNewResource(groupId, PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
      grants.onNewResource(groupId, HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }
  }
}
