package vn.doanthanhnien.admission.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;

/** Drives candidacies of branch KTNN-01 through the engine as the demo user of each stage's role. */
@TestComponent
public class Pipeline {

  /** Who completes each task for a member of branch KTNN-01 (docs/domain.md, demo data). */
  public static final Map<String, String> USER_OF_TASK = Map.ofEntries(
      Map.entry("recordBranchVote", "secretary"),
      Map.entry("recordYouthCommitteeResolution", "youthcommittee"),
      Map.entry("recordAwarenessCertificate", "partycell"),
      Map.entry("assignIntroducer", "partycell"),
      Map.entry("checkDossier", "partycell"),
      Map.entry("verifyBackground", "partycommittee"),
      Map.entry("collectOpinions", "partycell"),
      Map.entry("recordPartyCellVote", "partycell"),
      Map.entry("recordPartyCommitteeVote", "partycommittee"),
      Map.entry("recordAdmissionDecision", "superior"),
      Map.entry("recordAdmissionCeremony", "partycell"),
      Map.entry("recordProbationCellVote", "partycell"),
      Map.entry("recordProbationCommitteeVote", "partycommittee"));

  private final FormService forms;
  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final ManagementService management;
  private final BusinessClock clock;

  public Pipeline(FormService forms, TaskService tasks, IdentityService identity, RepositoryService repository,
      ManagementService management, BusinessClock clock) {
    this.forms = forms;
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    this.management = management;
    this.clock = clock;
  }

  public ProcessInstance nominate(String memberCode) {
    return nominateAs("secretary", memberCode);
  }

  public ProcessInstance nominateAs(String user, String memberCode) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PartyAdmissionProcess.KEY)
        .latestVersion().singleResult().getId();
    Map<String, Object> start = Map.of("memberCode", memberCode,
        "nominationReason", "Gương mẫu, hoàn thành xuất sắc nhiệm vụ hai năm liền");
    return as(user, () -> forms.submitStartForm(definitionId, start));
  }

  /** The task the instance waits at; for background verification, one of its tasks (one per subject). */
  public Task task(ProcessInstance instance) {
    List<Task> open = tasks(instance);
    if (open.stream().map(Task::getTaskDefinitionKey).distinct().count() > 1) {
      throw new AssertionError("Waiting at several stages: " + open);
    }
    return open.isEmpty() ? null : open.get(0);
  }

  public List<Task> tasks(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).orderByTaskName().asc().list();
  }

  /** Claims and submits the current task as the demo user of its role, then runs the steps that follow it. */
  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
    complete(instance, taskKey, values, USER_OF_TASK::get);
  }

  /** The same for a candidacy of another branch: {@code userOfTask} names who completes each task key. */
  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> values,
      UnaryOperator<String> userOfTask) {
    submit(instance, taskKey, values, userOfTask);
    runAutomaticSteps(instance);
  }

  /**
   * Claims and submits every open task of the stage (one per subject for background verification), as long as it is
   * open: a concern found for one subject cancels the verification of the others.
   */
  public void submit(ProcessInstance instance, String taskKey, Map<String, Object> values) {
    submit(instance, taskKey, values, USER_OF_TASK::get);
  }

  private void submit(ProcessInstance instance, String taskKey, Map<String, Object> values,
      UnaryOperator<String> userOfTask) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
    if (open.isEmpty()) {
      throw new AssertionError("Not waiting at " + taskKey);
    }
    open.stream().filter(task -> tasks.createTaskQuery().taskId(task.getId()).count() == 1)
        .forEach(task -> submitAs(userOfTask.apply(task.getTaskDefinitionKey()), task, values));
  }

  /** Claims and submits one task as the demo user of its role. */
  public void submit(Task task, Map<String, Object> values) {
    submitAs(USER_OF_TASK.get(task.getTaskDefinitionKey()), task, values);
  }

  private void submitAs(String user, Task task, Map<String, Object> values) {
    as(user, () -> {
      tasks.claim(task.getId(), user);
      forms.submitTaskForm(task.getId(), values);
      return null;
    });
  }

  /** The job executor is off in tests: run the instance's due asynchronous steps here, as it would. */
  public void runAutomaticSteps(ProcessInstance instance) {
    management.createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  public void completeValid(ProcessInstance instance, String taskKey) {
    complete(instance, taskKey, valid(taskKey));
  }

  /** Nominates the member and completes every task with valid input until the instance waits at {@code taskKey}. */
  public ProcessInstance advanceTo(String memberCode, String taskKey) {
    ProcessInstance instance = nominate(memberCode);
    for (Task current = task(instance); !current.getTaskDefinitionKey().equals(taskKey); current = task(instance)) {
      completeValid(instance, current.getTaskDefinitionKey());
    }
    return instance;
  }

  /** Input that passes every check and every vote of the task. */
  public Map<String, Object> valid(String taskKey) {
    return StageInputs.valid(taskKey, clock.today());
  }

  public String daysAgo(int days) {
    return clock.today().minusDays(days).toString();
  }

  public LocalDate today() {
    return clock.today();
  }

  /** Runs {@code work} authenticated as {@code user} with the user's groups, as the REST filter and Tasklist do. */
  public <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
