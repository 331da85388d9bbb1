package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * What every unit of a role may do alike is granted once to the role, not to each unit's group: a task query's
 * authorization join reads every grant on the task's process key and on {@code '*'} for every task it lists.
 */
@PipelineTest
class RoleGrantsTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  @Autowired RoleGroups roleGroups;
  @Autowired HistoricTaskGrantsRemoval removal;
  @Autowired ChainGrantsMigration chainGrants;
  @Autowired Grants grants;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;

  @Test
  void whatEveryUnitOfARoleMayDoAlikeIsGrantedOnceToTheRoleAndAUnitGroupsOldCopyGoesAtStartUp() {
    // given a unit group's grant on the admission process as versions before this one gave it
    grants.toGroup("branch-secretary.KTNN-01", Resources.PROCESS_DEFINITION, PartyAdmissionProcess.KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE);

    // when the application starts
    roleGroups.ensureForAllUnits();

    // then no unit group holds a grant on the processes or on every instance; each role holds its own once
    assertThat(count("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (6, 8) and GROUP_ID_ like"
        + " '%.%' and GROUP_ID_ not like 'every.%' and RESOURCE_ID_ in ('party-admission', 'probation', '*')"))
        .isZero();
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 6 and"
        + " RESOURCE_ID_ = 'party-admission' and GROUP_ID_ like 'every.%' order by GROUP_ID_", String.class))
        .containsExactly("every.branch-secretary", "every.party-cell", "every.party-committee",
            "every.superior-committee", "every.youth-committee");
    // and the demo secretary still starts a candidacy, which Tasklist offers her and not the Party cell
    assertThat(pipeline.nominateAs("secretary", members.eligible()).getBusinessKey()).isNotBlank();
    String startable = "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
        + "&startablePermissionCheck=true&maxResults=15";
    assertThat(keys("secretary", startable)).contains("party-admission");
    assertThat(keys("partycell", startable)).doesNotContain("party-admission").isNotEmpty();
  }

  private List<Object> keys(String user, String url) {
    return rest.withBasicAuth(user, "demo").exchange(url, HttpMethod.GET, null, LIST).getBody().stream()
        .map(definition -> definition.get("key")).toList();
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @Test
  void theGrantsOnEachTasksHistoryThatOlderVersionsMadeGoOnceAtStartUpAndTheAdministratorsStay() {
    // given a task's history granted to its candidate group and to its assignee, as versions before this one did
    grants.onNewResource("branch-secretary.KTNN-01", Resources.HISTORIC_TASK, "old-task-1", HistoricTaskPermissions.READ);
    jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " values ('old-grant-2', 1, 1, 'secretary', ?, 'old-task-1', 3)", Resources.HISTORIC_TASK.resourceType());
    jdbc.update("insert into pending_backfill (name) values (?)", HistoricTaskGrantsRemoval.NAME);

    removal.runIfPending();

    assertThat(historicTaskGrants()).containsExactly(Authorization.ANY);
    assertThat(jdbc.queryForObject("select count(*) from pending_backfill where name = ?", Integer.class,
        HistoricTaskGrantsRemoval.NAME)).isZero();
    // and once done, a later start leaves a grant an administrator adds by hand
    grants.onNewResource("branch-secretary.KTNN-01", Resources.HISTORIC_TASK, "old-task-3", HistoricTaskPermissions.READ);
    removal.runIfPending();
    assertThat(historicTaskGrants()).containsExactlyInAnyOrder(Authorization.ANY, "old-task-3");
    jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = 'old-task-3'");
  }

  @Test
  void aCandidacysGrantsToItsFiveUnitsBecomeTwoToItsBranchsChainOnceAtStartUpAndOtherGrantsStay() {
    // given a candidacy granted as versions before this one did: each of its five units on its instance and history
    String instanceId = pipeline.nominate(members.eligible()).getId();
    jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?", instanceId);
    List<String> units = List.of("branch-secretary.KTNN-01", "youth-committee.KTNN", "party-cell.CB-KTNN-01",
        "party-committee.DU-KTNN", "superior-committee.DUK");
    for (String group : units) {
      grants.onNewResource(group, Resources.PROCESS_INSTANCE, instanceId, ProcessInstancePermissions.READ);
      grants.onNewResource(group, Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
          HistoricProcessInstancePermissions.READ);
    }
    // and a grant of a unit group on something else (a meeting's instance)
    grants.onNewResource("branch-secretary.KTNN-01", Resources.PROCESS_INSTANCE, "meeting-1",
        ProcessInstancePermissions.READ);
    assertThat(get("partycommittee", "/engine-rest/process-instance/" + instanceId)).isEqualTo(HttpStatus.OK);
    String grantsOf = "select GROUP_ID_ || ' ' || RESOURCE_TYPE_ || ' ' || PERMS_ from ACT_RU_AUTHORIZATION"
        + " where RESOURCE_ID_ = ? and GROUP_ID_ like ? order by RESOURCE_TYPE_";
    List<String> secretaries = jdbc.queryForList(grantsOf, String.class, instanceId, "branch-secretary.%");
    assertThat(secretaries).hasSize(2);
    jdbc.update("insert into pending_backfill (name) values (?)", ChainGrantsMigration.NAME);

    chainGrants.runIfPending();

    assertThat(jdbc.queryForList(grantsOf, String.class, instanceId, "%")).containsExactlyElementsOf(
        secretaries.stream().map(grant -> grant.replace("branch-secretary.", "chain.")).toList());
    assertThat(count("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = 'meeting-1'")).isOne();
    assertThat(count("select count(*) from pending_backfill where name = '" + ChainGrantsMigration.NAME + "'"))
        .isZero();
    // and every unit of the chain still reads the candidacy, through the engine's REST API and Java API alike
    for (String user : List.of("secretary", "youthcommittee", "partycell", "partycommittee", "superior")) {
      assertThat(get(user, "/engine-rest/process-instance/" + instanceId)).as(user).isEqualTo(HttpStatus.OK);
      assertThat(get(user, "/engine-rest/history/process-instance/" + instanceId)).as(user).isEqualTo(HttpStatus.OK);
    }
    jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = 'meeting-1'");
  }

  private HttpStatusCode get(String user, String url) {
    return rest.withBasicAuth(user, "demo").exchange(url, HttpMethod.GET, null, String.class).getStatusCode();
  }

  private List<String> historicTaskGrants() {
    return jdbc.queryForList("select RESOURCE_ID_ from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ?", String.class,
        Resources.HISTORIC_TASK.resourceType());
  }
}
