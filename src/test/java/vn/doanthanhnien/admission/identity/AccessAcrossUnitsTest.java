package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.ForbiddenException;
import vn.doanthanhnien.admission.member.MemberService;
import vn.doanthanhnien.admission.report.ReportService;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * For every role, the same eight actions on a candidacy of branch KTNN-01, once by the demo user of that role (inside
 * the unit: allowed) and once by a user of the same role in a second organisation that an administrator creates here
 * through {@code POST /api/units} (outside: denied), over HTTP and through the Java API.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessAcrossUnitsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };
  private static final String PASSWORD = "demo";

  /** A role, the task it works on first, its demo user in the KTNN chain and the unit whose report it reads. */
  enum Role {
    BRANCH_SECRETARY("recordBranchVote", "secretary", "KTNN-01"),
    YOUTH_COMMITTEE("recordYouthCommitteeResolution", "youthcommittee", "KTNN"),
    PARTY_CELL("recordAwarenessCertificate", "partycell", "CB-KTNN-01"),
    PARTY_COMMITTEE("verifyBackground", "partycommittee", "DU-KTNN"),
    SUPERIOR_COMMITTEE("recordAdmissionDecision", "superior", "DUK");

    final String taskKey;
    final String insider;
    final String reportUnit;

    Role(String taskKey, String insider, String reportUnit) {
      this.taskKey = taskKey;
      this.insider = insider;
      this.reportUnit = reportUnit;
    }

    /** The user of the same role in the second organisation. */
    String outsider() {
      return "other-" + insider;
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired AuthorizationService authorizations;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired CandidacyService candidacies;
  @Autowired MemberService memberService;
  @Autowired ReportService reports;

  /** The second organisation: superior committee B above a Party committee, a cell, a grassroots unit and a branch. */
  @BeforeAll
  void anAdministratorCreatesASecondOrganisation() {
    createUnit("DUK-B", "Đảng ủy Khối B", "PARTY_SUPERIOR_COMMITTEE", null, null);
    createUnit("DU-B", "Đảng ủy cơ sở B", "PARTY_COMMITTEE", "DUK-B", null);
    createUnit("CB-B-01", "Chi bộ B1", "PARTY_CELL", "DU-B", null);
    createUnit("DT-B", "Đoàn cơ sở B", "YOUTH_GRASSROOTS", "DK", null);
    createUnit("DT-B-01", "Chi đoàn B1", "YOUTH_BRANCH", "DT-B", "CB-B-01");
    Map<Role, String> unitOfOutsider = Map.of(Role.BRANCH_SECRETARY, "branch-secretary.DT-B-01",
        Role.YOUTH_COMMITTEE, "youth-committee.DT-B", Role.PARTY_CELL, "party-cell.CB-B-01",
        Role.PARTY_COMMITTEE, "party-committee.DU-B", Role.SUPERIOR_COMMITTEE, "superior-committee.DUK-B");
    unitOfOutsider.forEach((role, group) -> createUser(role.outsider(), group));
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void overHttpAnotherUnitsOfficerIsDeniedWhatTheUnitsOwnOfficerMayDo(Role role) {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), role.taskKey);
    Task task = pipeline.task(instance);
    String candidacyId = instance.getBusinessKey();
    String memberCode = (String) runtime.getVariable(instance.getId(), "memberCode");

    for (String user : List.of(role.outsider(), role.insider)) {
      boolean inside = user.equals(role.insider);
      expect(inside, get(user, "/engine-rest/task/{id}", task.getId()), HttpStatus.NOT_FOUND);
      expect(inside, get(user, "/engine-rest/process-instance/{id}", instance.getId()), HttpStatus.NOT_FOUND);
      expect(inside, get(user, "/engine-rest/process-instance/{id}/variables", instance.getId()),
          HttpStatus.FORBIDDEN);
      ResponseEntity<List<Map<String, Object>>> historicVariables = as(user).exchange(
          "/engine-rest/history/variable-instance?processInstanceId={id}&maxResults=100", HttpMethod.GET, null, LIST,
          instance.getId());
      expect(inside, get(user, "/engine-rest/history/process-instance/{id}", instance.getId()),
          HttpStatus.NOT_FOUND);
      assertThat(historicVariables.getBody()).as("history variables seen by %s", user)
          .matches(list -> inside != list.isEmpty());
      expect(inside, get(user, "/api/candidacies/{id}", candidacyId), HttpStatus.FORBIDDEN);
      expect(inside, get(user, "/api/members/{code}", memberCode), HttpStatus.FORBIDDEN);
      expect(inside, get(user, "/api/reports/annual?year=" + pipeline.today().getYear() + "&unit={unit}",
          role.reportUnit), HttpStatus.FORBIDDEN);
      if (inside) {
        assertThat(as(user).postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), Void.class,
            task.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      }
      ResponseEntity<Map<String, Object>> completion = as(user).exchange("/engine-rest/task/{id}/submit-form",
          HttpMethod.POST, new HttpEntity<>(typed(pipeline.valid(role.taskKey))), OBJECT, task.getId());
      expect(inside, completion.getStatusCode(), HttpStatus.NO_CONTENT, HttpStatus.FORBIDDEN);
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("task open after %s", user)
          .isEqualTo(inside ? 0 : 1);
    }
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void throughTheJavaApiAnotherUnitsOfficerIsDeniedWhatTheUnitsOwnOfficerMayDo(Role role) {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), role.taskKey);
    String taskId = pipeline.task(instance).getId();
    Long candidacyId = Long.valueOf(instance.getBusinessKey());
    String memberCode = (String) runtime.getVariable(instance.getId(), "memberCode");
    int year = pipeline.today().getYear();

    for (String user : List.of(role.outsider(), role.insider)) {
      boolean inside = user.equals(role.insider);
      pipeline.as(user, () -> {
        expect(inside, tasks.createTaskQuery().taskId(taskId).count() == 1);
        expect(inside, runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 1);
        expect(inside, () -> runtime.getVariables(instance.getId()).get("memberCode"), memberCode,
            AuthorizationException.class);
        expect(inside, history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count() == 1
            && history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count() > 0);
        expect(inside, () -> candidacies.readable(candidacyId).getId(), candidacyId, ForbiddenException.class);
        expect(inside, () -> memberService.get(memberCode).getCode(), memberCode, ForbiddenException.class);
        expect(inside, () -> reports.annual(year, role.reportUnit).unitCode(), role.reportUnit,
            ForbiddenException.class);
        expect(inside, () -> {
          tasks.claim(taskId, user);
          forms.submitTaskForm(taskId, pipeline.valid(role.taskKey));
          return history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getDeleteReason();
        }, "completed", AuthorizationException.class);
        return null;
      });
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("task open after %s", user)
          .isEqualTo(inside ? 0 : 1);
    }
  }

  @Test
  void aNewUnitsSecretaryNominatesInTheirOwnBranchOnly() {
    String ownMember = members.register(d -> d.branch("DT-B-01"));
    String otherMember = members.eligible();

    assertThat(nominate("other-secretary", ownMember).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> refused = nominate("other-secretary", otherMember);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("Chỉ Bí thư chi đoàn KTNN-01");
  }

  @Test
  void aUserMovedToAnotherUnitSeesTheNewUnitsCandidaciesAtOnce() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    createUser("mover", "branch-secretary.KTNN-01");
    assertThat(get("mover", "/api/candidacies/{id}", instance.getBusinessKey())).isEqualTo(HttpStatus.OK);

    identity.deleteMembership("mover", "branch-secretary.KTNN-01");
    identity.createMembership("mover", "branch-secretary.DT-B-01");

    assertThat(get("mover", "/api/candidacies/{id}", instance.getBusinessKey())).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("mover", "/engine-rest/task/{id}", pipeline.task(instance).getId()))
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * A candidacy's instance and its history are granted to its branch's chain, two rows, and the units above the
   * branch read them through the unit tree as it is when they ask: a branch an administrator has just added below the
   * second organisation's units is read by all four of them, and by nobody else.
   */
  @Test
  void aBranchJustAddedIsReadByEveryUnitAboveItAtOnceFromTwoGrants() {
    createUnit("DT-B-02", "Chi đoàn B2", "YOUTH_BRANCH", "DT-B", "CB-B-01");
    createUser("b2-secretary", "branch-secretary.DT-B-02");
    ResponseEntity<Map<String, Object>> nominated = nominate("b2-secretary",
        members.register(d -> d.branch("DT-B-02")));
    assertThat(nominated.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = (String) nominated.getBody().get("id");

    assertThat(authorizations.createAuthorizationQuery().resourceId(instanceId).list())
        .extracting(Authorization::getGroupId).containsExactly("chain.DT-B-02", "chain.DT-B-02");
    for (String user : List.of("b2-secretary", "other-youthcommittee", "other-partycell", "other-partycommittee",
        "other-superior", "other-secretary", "youthcommittee", "superior")) {
      boolean above = !List.of("other-secretary", "youthcommittee", "superior").contains(user);
      assertThat(get(user, "/engine-rest/process-instance/{id}", instanceId)).as(user)
          .isEqualTo(above ? HttpStatus.OK : HttpStatus.NOT_FOUND);
      assertThat(get(user, "/engine-rest/history/process-instance/{id}", instanceId)).as(user)
          .isEqualTo(above ? HttpStatus.OK : HttpStatus.NOT_FOUND);
    }
  }

  /** The chain's id is the engine's to derive from a user's unit groups; a group of that name made by hand gives nothing. */
  @Test
  void aGroupNamedLikeABranchsChainGivesItsMembersNothing() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    identity.saveGroup(identity.newGroup("chain.KTNN-01"));
    createUser("chain-member", "chain.KTNN-01");

    assertThat(get("chain-member", "/engine-rest/process-instance/{id}", instance.getId()))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("chain-member", "/engine-rest/history/process-instance/{id}", instance.getId()))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("youthcommittee", "/engine-rest/process-instance/{id}", instance.getId()))
        .isEqualTo(HttpStatus.OK);
  }

  /**
   * The engine used to grant the assignee of every task, and its candidate group, READ on the task's history
   * (HISTORIC_TASK), one more row per task that stayed after the task and kept a moved officer reading it. The units'
   * own grant on the candidacy's history covers their officers.
   */
  @Test
  void aUserMovedToAnotherUnitNoLongerReadsTheHistoryOfTheTasksTheyDid() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    createUser("leaver", "branch-secretary.KTNN-01");
    pipeline.complete(instance, "recordBranchVote", pipeline.valid("recordBranchVote"), key -> "leaver");
    String done = "/engine-rest/history/task?processInstanceId={id}&taskDefinitionKey=recordBranchVote&maxResults=10";
    assertThat(as("leaver").exchange(done, HttpMethod.GET, null, LIST, instance.getId()).getBody()).hasSize(1);

    identity.deleteMembership("leaver", "branch-secretary.KTNN-01");
    identity.createMembership("leaver", "branch-secretary.DT-B-01");

    assertThat(as("leaver").exchange(done, HttpMethod.GET, null, LIST, instance.getId()).getBody()).isEmpty();
    assertThat(as("secretary").exchange(done, HttpMethod.GET, null, LIST, instance.getId()).getBody()).hasSize(1);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).list())
        .extracting(Authorization::getResourceId).containsOnly(Authorization.ANY); // administrators' own
  }

  @Test
  void onlyAnAdministratorCreatesUnitsAndAWrongUnitIsRefusedInVietnamese() {
    ResponseEntity<Map<String, Object>> bySecretary = as("secretary").exchange("/api/units", HttpMethod.POST,
        new HttpEntity<>(unit("KTNN-09", "Chi đoàn thử", "YOUTH_BRANCH", "KTNN", "CB-KTNN-01")), OBJECT);
    assertThat(bySecretary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<Map<String, Object>> misplaced = as("admin").exchange("/api/units", HttpMethod.POST,
        new HttpEntity<>(unit("KTNN-09", "Chi đoàn thử", "YOUTH_BRANCH", "DU-KTNN", null)), OBJECT);
    assertThat(misplaced.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(misplaced.getBody().get("errors").toString())
        .contains("Đơn vị cấp trên (parentCode): không có đơn vị loại YOUTH_GRASSROOTS mang mã DU-KTNN")
        .contains("Chi bộ phụ trách (partyCellCode) là bắt buộc");
    assertThat(identity.createGroupQuery().groupId("branch-secretary.KTNN-09").count()).isZero();
  }

  /** A read answers 200 when allowed. */
  private void expect(boolean inside, HttpStatusCode actual, HttpStatus whenDenied) {
    expect(inside, actual, HttpStatus.OK, whenDenied);
  }

  private void expect(boolean inside, HttpStatusCode actual, HttpStatus whenAllowed, HttpStatus whenDenied) {
    assertThat(actual).isEqualTo(inside ? whenAllowed : whenDenied);
  }

  private void expect(boolean inside, boolean visible) {
    assertThat(visible).isEqualTo(inside);
  }

  /** Allowed: the action answers what the unit's officer expects of it; denied: it throws {@code whenDenied}. */
  private void expect(boolean inside, Supplier<?> action, Object whenAllowed, Class<? extends Exception> whenDenied) {
    if (inside) {
      assertThat(action.get()).isEqualTo(whenAllowed);
    } else {
      assertThatThrownBy(action::get).isInstanceOf(whenDenied);
    }
  }

  private HttpStatusCode get(String user, String url, Object... uriVariables) {
    return as(user).exchange(url, HttpMethod.GET, null, String.class, uriVariables).getStatusCode();
  }

  private ResponseEntity<Map<String, Object>> nominate(String user, String memberCode) {
    return as(user).exchange("/engine-rest/process-definition/key/party-admission/submit-form", HttpMethod.POST,
        new HttpEntity<>(typed(Map.of("memberCode", memberCode, "nominationReason", "Gương mẫu trong công tác"))),
        OBJECT);
  }

  private void createUnit(String code, String name, String kind, String parentCode, String partyCellCode) {
    ResponseEntity<Map<String, Object>> created = as("admin").exchange("/api/units", HttpMethod.POST,
        new HttpEntity<>(unit(code, name, kind, parentCode, partyCellCode)), OBJECT);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private static Map<String, Object> unit(String code, String name, String kind, String parentCode,
      String partyCellCode) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("code", code);
    unit.put("name", name);
    unit.put("kind", kind);
    unit.put("parentCode", parentCode);
    unit.put("partyCellCode", partyCellCode);
    return unit;
  }

  private void createUser(String id, String groupId) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Thử");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, groupId);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
