package vn.doanthanhnien.admission.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * Two officers of one branch act on the same task over HTTP, through {@code /engine-rest} and through Tasklist's own
 * API: one wins, the other is told in Vietnamese with 409, in Camunda's error shape, and nothing is recorded twice.
 * Requests meant to meet are made to: the test's own transaction holds the row they contend for
 * ({@link HeldRowLock}) until every one of them waits for it inside its transaction, having read the task or the
 * candidacy as it was, and then lets them go; the loser then fails on the version of what it read.
 */
@PipelineTest
class ConcurrentOfficersTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  /** A second branch secretary of KTNN-01 beside the demo user {@code secretary}. */
  private static final String DEPUTY = "secretary-deputy";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired CandidacyService candidacies;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @BeforeEach
  void aSecondSecretaryOfTheBranch() {
    if (identity.createUserQuery().userId(DEPUTY).count() == 0) {
      User user = identity.newUser(DEPUTY);
      user.setFirstName("Thu Trang");
      user.setLastName("Đỗ");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(DEPUTY, "branch-secretary.KTNN-01");
    }
  }

  @Test
  void twoSubmissionsOfOneTaskAtOnceCompleteItOnceAndTheLaterGets409() throws Exception {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    Task task = pipeline.task(instance);

    List<ResponseEntity<Map<String, Object>>> answers;
    try (HeldRowLock row = new HeldRowLock(dataSource, "select id_ from act_ru_task where id_ = ? for update",
        task.getId())) {
      // The first to flush waits for the task's row; the other for the variables the first inserted.
      answers = meetAt(row, () -> submit("secretary", task.getId()), () -> submit(DEPUTY, task.getId()));
    }

    assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
    Map<String, Object> refused = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst()
        .orElseThrow().getBody();
    assertThat(refused).containsOnlyKeys("type", "message", "code");
    assertThat(refused).as("the later one failed on the task's version: both had read it open")
        .containsEntry("type", "OptimisticLockingException");
    assertThat((String) refused.get("message")).startsWith("Việc «" + task.getName() + "» đã được "
        + "hoàn thành lúc ").endsWith("nội dung bạn gửi không được ghi nhận. Vui lòng tải lại danh sách việc.");
    assertCompletedOnceAndMovedOn(instance);
  }

  @Test
  void aSubmissionAfterTheTaskWasCompletedGets409AndAnUnknownTask404() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    Task task = pipeline.task(instance);
    assertThat(submit("secretary", task.getId()).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<Map<String, Object>> again = submit(DEPUTY, task.getId());

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).containsEntry("type", "NullValueException");
    assertThat((String) again.getBody().get("message")).contains("đã được hoàn thành lúc");
    assertCompletedOnceAndMovedOn(instance);
    ResponseEntity<Map<String, Object>> unknown = submit("secretary", "khong-co-viec-nay");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).containsEntry("message", "Không tìm thấy việc có mã khong-co-viec-nay.");
  }

  @Test
  void theSecondClaimOfATaskGets409NamingWhoHasIt() {
    Task task = pipeline.task(pipeline.nominate(members.eligible()));
    assertThat(claim("secretary", task.getId()).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<Map<String, Object>> second = claim(DEPUTY, task.getId());

    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody()).containsEntry("type", "TaskAlreadyClaimedException").containsEntry("message",
        "Việc «" + task.getName() + "» đã được secretary nhận trước. Vui lòng tải lại danh sách việc.");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("secretary");
  }

  @Test
  void twoClaimsOfOneTaskAtOnceLeaveItWithTheWinner() throws Exception {
    Task task = pipeline.task(pipeline.nominate(members.eligible()));

    List<ResponseEntity<Map<String, Object>>> answers;
    try (HeldRowLock row = new HeldRowLock(dataSource, "select id_ from act_ru_task where id_ = ? for update",
        task.getId())) {
      answers = meetAt(row, () -> claim("secretary", task.getId()), () -> claim(DEPUTY, task.getId()));
    }

    assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
    String winner = answers.get(0).getStatusCode().value() == 204 ? "secretary" : DEPUTY;
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(winner);
    assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).singleElement()
        .satisfies(a -> assertThat(a.getBody()).as("both had read the task unclaimed")
            .containsEntry("type", "OptimisticLockingException")
            .containsEntry("message", "Việc «" + task.getName() + "» đã được " + winner
                + " nhận trước. Vui lòng tải lại danh sách việc."));
  }

  @Test
  void inTasklistTheSecondClaimAndTheSecondSubmissionGet409Too() throws Exception {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    Task task = pipeline.task(instance);
    BrowserSession secretary = new BrowserSession(port);
    secretary.signInToTasklist("secretary");
    BrowserSession deputy = new BrowserSession(port);
    deputy.signInToTasklist(DEPUTY);

    assertThat(tasklist(secretary, task.getId(), "claim", Map.of("userId", "secretary")).statusCode()).isEqualTo(204);
    HttpResponse<String> secondClaim = tasklist(deputy, task.getId(), "claim", Map.of("userId", DEPUTY));
    assertThat(tasklist(secretary, task.getId(), "submit-form", form()).statusCode()).isEqualTo(204);
    HttpResponse<String> secondSubmission = tasklist(deputy, task.getId(), "submit-form", form());

    assertThat(secondClaim.statusCode()).isEqualTo(409);
    assertThat(secondClaim.body()).contains("\"type\":\"TaskAlreadyClaimedException\"", "đã được secretary nhận trước");
    assertThat(secondSubmission.statusCode()).isEqualTo(409);
    assertThat(secondSubmission.body()).contains("đã được hoàn thành lúc");
    assertCompletedOnceAndMovedOn(instance);
  }

  @Test
  void aClaimOfACompletedTaskGets409() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    Task task = pipeline.task(instance);
    pipeline.completeValid(instance, "recordBranchVote");

    ResponseEntity<Map<String, Object>> claimed = claim(DEPUTY, task.getId());

    assertThat(claimed.getStatusCode().value()).isEqualTo(409);
    assertThat((String) claimed.getBody().get("message")).contains("đã được hoàn thành lúc");
  }

  @Test
  void aSubmissionThatWaitsTooLongForTheCandidacysRowGets409AndChangesNothing() throws Exception {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    // Another transaction holds the candidacy's row for longer than the database's lock timeout (H2: 2 s).
    refusedWhileHeldThenAccepted(instance, "select id from candidacy where id = ? for update",
        Long.parseLong(instance.getBusinessKey()));
  }

  @Test
  void aSubmissionThatWaitsTooLongForTheTasksRowGets409AndChangesNothing() throws Exception {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    // The engine's own row this time: its SQL errors reach the REST layer wrapped in the engine's exception.
    refusedWhileHeldThenAccepted(instance, "select id_ from act_ru_task where id_ = ? for update",
        pipeline.task(instance).getId());
  }

  /**
   * The secretary's submission of the instance's task while another transaction holds a row ({@code lockSql} with
   * {@code key}) past the lock timeout: 409 in Vietnamese, the task open, nothing in the timeline; accepted once the
   * row is free.
   */
  private void refusedWhileHeldThenAccepted(ProcessInstance instance, String lockSql, Object key) throws Exception {
    Task task = pipeline.task(instance);
    ResponseEntity<Map<String, Object>> refused;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement(lockSql)) {
        lock.setObject(1, key);
        lock.executeQuery().close();
      }
      refused = submit("secretary", task.getId());
      other.rollback();
    }

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("message", "Dữ liệu vừa được người khác thay đổi cùng lúc nên thao "
        + "tác của bạn chưa được ghi nhận. Vui lòng tải lại rồi thử lại.");
    assertThat(pipeline.task(instance).getId()).isEqualTo(task.getId());
    assertThat(candidacies.timeline(Long.valueOf(instance.getBusinessKey())))
        .noneMatch(e -> e.getAction() == TimelineAction.STAGE_COMPLETED);
    assertThat(submit("secretary", task.getId()).getStatusCode().value()).isEqualTo(204);
    assertCompletedOnceAndMovedOn(instance);
  }

  @Test
  void twoWithdrawalsOfOneCandidacyAtOnceWithdrawItOnceAndTheLaterGets409() throws Exception {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    String id = instance.getBusinessKey();

    List<ResponseEntity<Map<String, Object>>> answers;
    try (HeldRowLock row = new HeldRowLock(dataSource, "select id_ from act_ru_execution where id_ = ? for update",
        instance.getId())) {
      answers = meetAt(row, () -> withdraw("secretary", id), () -> withdraw(DEPUTY, id));
    }

    assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
    assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).singleElement()
        .satisfies(a -> assertThat(a.getBody()).as("both had read the candidacy open").containsEntry("message",
            "Hồ sơ " + id + " vừa kết thúc do một thao tác khác cùng lúc, không thể rút."));
    assertThat(candidacies.timeline(Long.valueOf(id))).extracting(CandidacyEvent::getAction)
        .containsOnlyOnce(TimelineAction.WITHDRAWN);
    assertThat(candidacies.get(Long.valueOf(id)).getStatus()).isEqualTo(CandidacyStatus.WITHDRAWN);
  }

  @Test
  void aWithdrawalRightAfterTheResolutionWinsOverTheCertificateCheckRunningAtTheSameMoment() throws Exception {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordYouthCommitteeResolution");
    pipeline.submit(instance, "recordYouthCommitteeResolution", pipeline.valid("recordYouthCommitteeResolution"));
    Job check = management.createJobQuery().processInstanceId(instance.getId()).executable().singleResult();
    assertThat(check).as("the automatic certificate check is due").isNotNull();
    String id = instance.getBusinessKey();

    // The check (as the job executor runs it) moves the instance on and then waits to delete its job, whose row the
    // test holds; the officer's withdrawal, made meanwhile, read the instance before the check and waits behind it.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<Object> checked;
    Future<ResponseEntity<Map<String, Object>>> withdrawal;
    try (HeldRowLock row = new HeldRowLock(dataSource, "select id_ from act_ru_job where id_ = ? for update",
        check.getId())) {
      checked = threads.submit(() -> {
        try {
          management.executeJob(check.getId());
          return "check ran";
        } catch (ProcessEngineException e) {
          return e;
        }
      });
      row.awaitWaiting(1, List.of(checked));
      withdrawal = threads.submit(() -> withdraw("secretary", id));
      row.awaitWaiting(2, List.of(checked, withdrawal));
      row.release();
      assertThat(checked.get()).as("the check went first and committed").isEqualTo("check ran");
      assertThat(withdrawal.get().getStatusCode().value()).as("%s", withdrawal.get().getBody()).isEqualTo(200);
    } finally {
      threads.shutdownNow();
    }

    assertThat(candidacies.get(Long.valueOf(id)).getStatus()).isEqualTo(CandidacyStatus.WITHDRAWN);
    assertThat(candidacies.timeline(Long.valueOf(id))).extracting(CandidacyEvent::getAction)
        .containsOnlyOnce(TimelineAction.WITHDRAWN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("checkAwarenessCertificate").finished().count()).as("the check's step completed").isOne();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("recordAwarenessCertificate").singleResult().getDeleteReason())
        .as("the withdrawal, made again after the check, cancelled the stage the check had opened")
        .isNotEqualTo("completed");
  }

  /** One timeline entry for the branch vote, one completed task in the history, and the next stage open once. */
  private void assertCompletedOnceAndMovedOn(ProcessInstance instance) {
    Long candidacyId = Long.valueOf(instance.getBusinessKey());
    assertThat(candidacies.timeline(candidacyId)).filteredOn(e -> e.getAction() == TimelineAction.STAGE_COMPLETED)
        .extracting(CandidacyEvent::getStage).containsExactly("recordBranchVote");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("recordBranchVote").finished().count()).isOne();
    assertThat(pipeline.tasks(instance)).extracting(Task::getTaskDefinitionKey)
        .containsExactly("recordYouthCommitteeResolution");
    assertThat(candidacies.get(candidacyId).getStage()).isEqualTo("recordYouthCommitteeResolution");
  }

  /** Starts every request, waits until each waits for the held row, releases it and returns their answers. */
  @SafeVarargs
  private static <T> List<T> meetAt(HeldRowLock row, Supplier<T>... requests) throws Exception {
    ExecutorService officers = Executors.newFixedThreadPool(requests.length);
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (Supplier<T> request : requests) {
        answers.add(officers.submit(request::get));
      }
      row.awaitInside(requests.length, answers);
      row.release();
      List<T> result = new ArrayList<>();
      for (Future<T> answer : answers) {
        result.add(answer.get());
      }
      return result;
    } finally {
      officers.shutdownNow();
    }
  }

  private ResponseEntity<Map<String, Object>> submit(String user, String taskId) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/{id}/submit-form", HttpMethod.POST,
        new HttpEntity<>(form()), OBJECT, taskId);
  }

  /** The branch vote's form as Camunda's REST API takes it. */
  private Map<String, Object> form() {
    Map<String, Object> variables = new LinkedHashMap<>();
    pipeline.valid("recordBranchVote").forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** A task action the way Tasklist calls it: the webapps' copy of the REST API, with the session's CSRF token. */
  private static HttpResponse<String> tasklist(BrowserSession session, String taskId, String action, Object body)
      throws Exception {
    return session.send(session.request("/camunda/api/engine/engine/default/task/" + taskId + "/" + action)
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.csrfCookie().getValue())
        .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  private ResponseEntity<Map<String, Object>> claim(String user, String taskId) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", user)), OBJECT, taskId);
  }

  private ResponseEntity<Map<String, Object>> withdraw(String user, String candidacyId) {
    return rest.withBasicAuth(user, "demo").exchange("/api/candidacies/{id}/withdraw", HttpMethod.POST,
        new HttpEntity<>(Map.of("reason", "Đoàn viên xin rút hồ sơ")), OBJECT, candidacyId);
  }
}
