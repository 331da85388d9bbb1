package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * Tasklist's two lists, "Việc của đơn vị tôi" (the user's candidate groups) and "Việc của tôi" (the user's own
 * tasks), read without the engine's authorization join ({@link AuthorizedGroupsPlugin#grantedByTheirLinks}): for
 * every demo officer they list exactly the tasks the join lists and the officer's grants allow, and they do not read
 * a task's own grant.
 */
@PipelineTest
class TaskListsByLinkTest {

  private static final String UNIT_TASKS = "Việc của đơn vị tôi";
  private static final String OWN_TASKS = "Việc của tôi";
  private static final List<String> OFFICERS = List.of("secretary", "secretary2", "youthcommittee", "partycell",
      "partycommittee", "superior");

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired AuthorizedGroupsPlugin plugin;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;

  @Test
  void everyOfficersListsHoldTheSameTasksWithoutTheJoinAsWithItAndAsTheirGrantsAllow() {
    // given candidacies waiting for each role, in two branches, one task claimed by the secretary
    ProcessInstance waiting = pipeline.nominate(members.eligible());
    ProcessInstance claimed = pipeline.nominate(members.eligible());
    tasks.claim(pipeline.task(claimed).getId(), "secretary");
    pipeline.advanceTo(members.eligible(), "recordYouthCommitteeResolution");
    pipeline.advanceTo(members.eligible(), "verifyBackground");
    ProcessInstance atTheTop = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    ProcessInstance elsewhere = pipeline.nominateAs("secretary2", members.register(d -> d.branch("HVBC-01")));

    for (String officer : OFFICERS) {
      for (String filter : List.of(UNIT_TASKS, OWN_TASKS)) {
        List<String> byLink = list(officer, filter);
        List<String> joined = withTheEnginesJoin(() -> list(officer, filter));

        assertThat(byLink).as("%s, %s", officer, filter).containsExactlyInAnyOrderElementsOf(joined)
            .containsExactlyInAnyOrderElementsOf(granted(officer, filter));
      }
    }
    assertThat(list("secretary", UNIT_TASKS)).contains(pipeline.task(waiting).getId())
        .doesNotContain(pipeline.task(claimed).getId(), pipeline.task(elsewhere).getId());
    assertThat(list("secretary", OWN_TASKS)).contains(pipeline.task(claimed).getId());
    assertThat(list("secretary2", UNIT_TASKS)).contains(pipeline.task(elsewhere).getId())
        .doesNotContain(pipeline.task(waiting).getId());
    assertThat(list("superior", UNIT_TASKS)).contains(pipeline.task(atTheTop).getId())
        .doesNotContain(pipeline.task(waiting).getId());
  }

  @Test
  void aListByTheUsersCandidateGroupsDoesNotReadTheTasksOwnGrants() {
    Task task = pipeline.task(pipeline.nominate(members.eligible()));
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn("branch-secretary.KTNN-01").singleResult();
    Permission[] permissions = grant.getPermissions(Permissions.values());
    authorizations.deleteAuthorization(grant.getId());
    try {
      assertThat(list("secretary", UNIT_TASKS)).as("listed by its candidate group").contains(task.getId());
      assertThat(withTheEnginesJoin(() -> list("secretary", UNIT_TASKS))).as("listed by its grant")
          .doesNotContain(task.getId());
    } finally {
      Authorization again = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      again.setGroupId("branch-secretary.KTNN-01");
      again.setResource(Resources.TASK);
      again.setResourceId(task.getId());
      again.setPermissions(permissions);
      authorizations.saveAuthorization(again);
    }
  }

  @Test
  void anyOtherTaskQueryKeepsTheEnginesCheck() {
    Authentication secretary = new Authentication("secretary", List.of("branch-secretary.KTNN-01", "camunda-demo"));

    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks(byGroups("branch-secretary.KTNN-01"), secretary)).isTrue();
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks((TaskQueryImpl) new TaskQueryImpl().taskAssignee("secretary"),
        secretary)).isTrue();
    // a group the user is not in, another user's tasks, no group at all, a pattern, an "or"
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks(byGroups("branch-secretary.KTNN-01",
        "branch-secretary.HVBC-01"), secretary)).isFalse();
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks((TaskQueryImpl) new TaskQueryImpl().taskAssignee("deputy"),
        secretary)).isFalse();
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks(new TaskQueryImpl(), secretary)).isFalse();
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks((TaskQueryImpl) new TaskQueryImpl()
        .taskCandidateGroupLike("branch-secretary.%"), secretary)).isFalse();
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks((TaskQueryImpl) byGroups("branch-secretary.KTNN-01").or()
        .taskAssignee("deputy").endOr(), secretary)).isFalse();
    assertThat(AuthorizedGroupsPlugin.grantedByTheirLinks(byGroups("branch-secretary.KTNN-01"), null)).isFalse();
  }

  /**
   * The branches' chains ride only on checks of a process instance or its history: a superior committee's officer
   * would otherwise carry a chain per branch below it into every statement of Tasklist's list.
   */
  @Test
  void aTaskQueryCarriesTheRolesIdsAndAnInstanceQueryTheChainsOfEveryBranchBelow() {
    identity.setAuthentication("superior", List.of("superior-committee.DUK"));
    try {
      List<List<String>> groups = engine.getCommandExecutorTxRequired().execute(context -> {
        TaskQueryImpl taskQuery = new TaskQueryImpl();
        context.getAuthorizationManager().configureTaskQuery(taskQuery);
        ProcessInstanceQueryImpl instanceQuery = new ProcessInstanceQueryImpl();
        context.getAuthorizationManager().configureExecutionQuery(instanceQuery);
        HistoricProcessInstanceQueryImpl historyQuery = new HistoricProcessInstanceQueryImpl();
        context.getAuthorizationManager().configureHistoricProcessInstanceQuery(historyQuery);
        return List.of(taskQuery.getAuthCheck().getAuthGroupIds(), instanceQuery.getAuthCheck().getAuthGroupIds(),
            historyQuery.getAuthCheck().getAuthGroupIds());
      });
      assertThat(groups.get(0)).containsExactly("superior-committee.DUK", "every.superior-committee");
      assertThat(groups.get(1)).startsWith("superior-committee.DUK", "every.superior-committee")
          .contains("chain.KTNN-01", "chain.HVBC-01").hasSizeGreaterThan(3);
      assertThat(groups.get(2)).isEqualTo(groups.get(1));
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Tasklist's list asks for the variables of the tasks it shows: a superior committee's officer sent a chain id per
   * branch below, a thousand at national volume, with each such query. A query naming instances, executions or tasks
   * carries only their branches' chains, and reads the same variables.
   */
  @Test
  void aVariableQueryOfNamedInstancesCarriesOnlyTheirBranchesChainsAndReadsTheSameVariables() {
    ProcessInstance ktnn = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    ProcessInstance hvbc = pipeline.nominateAs("secretary2", members.register(d -> d.branch("HVBC-01")));
    String taskId = pipeline.task(ktnn).getId();
    identity.setAuthentication("superior", List.of("superior-committee.DUK"));
    try {
      List<List<String>> groups = engine.getCommandExecutorTxRequired().execute(context -> {
        List<List<String>> ids = new java.util.ArrayList<>();
        for (VariableInstanceQueryImpl query : List.of(
            (VariableInstanceQueryImpl) new VariableInstanceQueryImpl().processInstanceIdIn(ktnn.getId()),
            (VariableInstanceQueryImpl) new VariableInstanceQueryImpl().variableScopeIdIn(taskId, ktnn.getId(),
                hvbc.getId()),
            (VariableInstanceQueryImpl) new VariableInstanceQueryImpl().taskIdIn(taskId),
            new VariableInstanceQueryImpl())) {
          ((AuthorizedGroupsPlugin.GroupsAsTheyAre) context.getAuthorizationManager()).configureVariableInstanceQuery(
              query);
          ids.add(query.getAuthCheck().getAuthGroupIds());
        }
        return ids;
      });
      assertThat(groups.get(0)).containsExactly("superior-committee.DUK", "every.superior-committee", "chain.KTNN-01");
      // Three ids named and two chains (the demo tree has two branches below): not worth a statement, all kept.
      assertThat(groups.get(1)).containsExactlyInAnyOrder("superior-committee.DUK", "every.superior-committee",
          "chain.KTNN-01", "chain.HVBC-01");
      assertThat(groups.get(2)).containsExactly("superior-committee.DUK", "every.superior-committee", "chain.KTNN-01");
      // Naming nothing, the query keeps the chain of every branch below.
      assertThat(groups.get(3)).contains("chain.KTNN-01", "chain.HVBC-01");
    } finally {
      identity.clearAuthentication();
    }
    // The same variables as with every chain: the superior committee reads each instance's (its query narrowed to
    // that instance's chain), the branch secretary only its own branch's.
    for (ProcessInstance instance : List.of(ktnn, hvbc)) {
      assertThat(memberCodeInstances("superior", instance.getId())).as("superior").containsExactly(instance.getId());
    }
    assertThat(memberCodeInstances("secretary", ktnn.getId())).containsExactly(ktnn.getId());
    assertThat(memberCodeInstances("secretary", hvbc.getId())).isEmpty();
    assertThat(memberCodeInstances("secretary", taskId, ktnn.getId(), hvbc.getId())).containsExactly(ktnn.getId());
  }

  /** The instances whose {@code memberCode} the user reads among these variable scopes. */
  private List<String> memberCodeInstances(String user, String... scopes) {
    return pipeline.as(user, () -> engine.getRuntimeService().createVariableInstanceQuery().variableScopeIdIn(scopes)
        .variableName("memberCode").listPage(0, 100)).stream().map(v -> v.getProcessInstanceId()).toList();
  }

  private static TaskQueryImpl byGroups(String... groups) {
    return (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of(groups));
  }

  private List<String> list(String user, String filterName) {
    String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    return pipeline.as(user, () -> filters.<Task>listPage(filterId, 0, 2000)).stream().map(Task::getId).toList();
  }

  private <T> T withTheEnginesJoin(java.util.function.Supplier<T> work) {
    plugin.taskListsByLink(false);
    try {
      return work.get();
    } finally {
      plugin.taskListsByLink(true);
    }
  }

  /** What the filter selects, read without any check, kept where the user's grants allow reading the task. */
  private List<String> granted(String user, String filterName) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<Task> selected = UNIT_TASKS.equals(filterName)
        ? tasks.createTaskQuery().taskCandidateGroupIn(groups).list()
        : tasks.createTaskQuery().taskAssignee(user).list();
    return selected.stream().filter(task -> authorizations.isUserAuthorized(user, groups, Permissions.READ,
        Resources.TASK, task.getId()) || authorizations.isUserAuthorized(user, groups, Permissions.READ_TASK,
        Resources.PROCESS_DEFINITION, task.getProcessDefinitionId().split(":")[0])).map(Task::getId).toList();
  }
}
