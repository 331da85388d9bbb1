package vn.doanthanhnien.admission.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.process.CandidacyWithdrawalProcess;
import vn.doanthanhnien.admission.process.UnitMeetingProcess;
import vn.doanthanhnien.admission.process.ProbationProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitService;
import vn.doanthanhnien.admission.unit.UnitService.UnitRequest;

/**
 * Each unit's Camunda group ({@code branch-secretary.KTNN-01}) and what every member of it may do regardless of the
 * candidacy: open Tasklist (the unit group's own grant) and, granted once to the role for all its units
 * ({@link Roles#everyUnit}), see the admission and probation processes, for branch secretaries start the admission,
 * and for Youth Union officers withdraw a candidacy from Tasklist. What they may see of each candidacy is granted per
 * instance by {@link CandidacyAuthorizations}. Users join a unit by joining its group in Camunda Admin.
 */
@Component
public class RoleGroups {

  private static final Logger LOG = LoggerFactory.getLogger(RoleGroups.class);
  static final String WITHDRAWAL_PROCESS = CandidacyWithdrawalProcess.KEY;

  private final IdentityService identity;
  private final Grants grants;
  private final UnitService units;
  private final UserScope scope;
  private final JdbcTemplate jdbc;

  public RoleGroups(IdentityService identity, Grants grants, UnitService units, UserScope scope, JdbcTemplate jdbc) {
    this.identity = identity;
    this.grants = grants;
    this.units = units;
    this.scope = scope;
    this.jdbc = jdbc;
  }

  /** An administrator adds a unit: the unit, its group and the group's grants are stored together or not at all. */
  @Transactional
  public OrgUnit createUnit(UnitRequest request) {
    scope.requireAdmin();
    OrgUnit unit = units.create(request);
    ensureFor(unit);
    return unit;
  }

  /**
   * Units created before this version, or directly in the database, get their group at the next start; so do the
   * administrators their full rights, which Camunda grants only when it creates the first administrator.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void ensureForAllUnits() {
    for (Resources resource : Resources.values()) {
      grants.toGroup(Roles.ADMIN_GROUP, resource, Authorization.ANY, Permissions.ALL);
    }
    ensureRoleGrants();
    units.all().forEach(this::ensureFor);
  }

  /**
   * What every unit of a role may do alike, granted once to the role ({@link Roles#everyUnit}) rather than to each of
   * thousands of unit groups: read the admission and probation processes, for branch secretaries start the admission,
   * record a meeting, and for Youth Union officers withdraw a candidacy from Tasklist. Which candidacies a unit reads
   * stays with each candidacy's grants to its five units. The copies unit groups were given before this version go.
   */
  private void ensureRoleGrants() {
    for (Roles role : Roles.values()) {
      String groupId = role.everyUnit();
      if (role == Roles.BRANCH_SECRETARY) {
        grants.toGroup(groupId, PROCESS_DEFINITION, PartyAdmissionProcess.KEY, READ, CREATE_INSTANCE);
      } else {
        grants.toGroup(groupId, PROCESS_DEFINITION, PartyAdmissionProcess.KEY, READ);
      }
      grants.toGroup(groupId, PROCESS_DEFINITION, ProbationProcess.KEY, READ);
      if (role != Roles.SUPERIOR_COMMITTEE) {
        // A meeting recorded once for several candidacies; the meeting checks each candidacy's unit and task.
        grants.toGroup(groupId, PROCESS_DEFINITION, UnitMeetingProcess.KEY, READ, CREATE_INSTANCE);
        grants.toGroup(groupId, PROCESS_INSTANCE, Authorization.ANY, CREATE);
      }
      if (!role.isParty()) {
        // The Tasklist way to withdraw a candidacy; the service task checks the candidacy's unit.
        grants.toGroup(groupId, PROCESS_DEFINITION, WITHDRAWAL_PROCESS, READ, CREATE_INSTANCE);
        grants.toGroup(groupId, PROCESS_INSTANCE, Authorization.ANY, CREATE);
      }
    }
    int removed = jdbc.update("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ like '%.%' and GROUP_ID_ not like"
        + " 'every.%' and ((RESOURCE_TYPE_ = ? and RESOURCE_ID_ in (?, ?, ?, ?)) or (RESOURCE_TYPE_ = ? and"
        + " RESOURCE_ID_ = ?))", PROCESS_DEFINITION.resourceType(), PartyAdmissionProcess.KEY, ProbationProcess.KEY,
        UnitMeetingProcess.KEY, WITHDRAWAL_PROCESS, PROCESS_INSTANCE.resourceType(), Authorization.ANY);
    if (removed > 0) {
      LOG.info("{} grants of unit groups on the processes and on every instance replaced by their roles' own", removed);
    }
  }

  public void ensureFor(OrgUnit unit) {
    Roles.ofUnitKind(unit.getKind()).ifPresent(role -> {
      String groupId = role.groupOf(unit.getCode());
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(role.groupName(unit.getName()));
        group.setType(Groups.GROUP_TYPE_WORKFLOW);
        identity.saveGroup(group);
        LOG.info("Group {} created for unit {}", groupId, unit.getCode());
      }
      grants.toGroup(groupId, APPLICATION, "tasklist", ACCESS);
    });
  }
}
