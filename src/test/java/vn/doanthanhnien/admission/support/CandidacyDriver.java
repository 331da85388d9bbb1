package vn.doanthanhnien.admission.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Drives a candidacy to its end over HTTP, from whatever stage it is at: submits every open task with valid values
 * as the demo user of its role, and waits while the engine's job executor runs the asynchronous steps in between.
 * Submissions go round the nodes in turn, so the tasks of one candidacy are completed on each node alternately.
 */
public final class CandidacyDriver {

  /** How long the instance may stay without an open task before the driver gives up (a job that never ran). */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** One task's submission: the instance, the stage and the task. */
  public record Submission(String processInstanceId, String taskKey, String taskId) {
  }

  private final List<NodeClient> nodes;
  /** Tasks whose submission a node acknowledged (HTTP 204): each must stay completed, whatever happens next. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  /** Every submission sent, acknowledged or not. */
  private final Set<Submission> sent = ConcurrentHashMap.newKeySet();
  private final Consumer<Submission> afterAcknowledged;

  public CandidacyDriver(List<NodeClient> nodes) {
    this(nodes, submission -> {
    });
  }

  /** @param afterAcknowledged told of each acknowledged submission, in the officer's thread, before it goes on */
  public CandidacyDriver(List<NodeClient> nodes, Consumer<Submission> afterAcknowledged) {
    this.nodes = List.copyOf(nodes);
    this.afterAcknowledged = afterAcknowledged;
  }

  public Set<String> acknowledgedTasks() {
    return Set.copyOf(acknowledged);
  }

  /** The submissions a node acknowledged. */
  public List<Submission> acknowledged() {
    return sent.stream().filter(s -> acknowledged.contains(s.taskId())).toList();
  }

  /** The submissions sent and never acknowledged: cut off, or refused. */
  public List<Submission> unacknowledged() {
    return sent.stream().filter(s -> !acknowledged.contains(s.taskId())).toList();
  }

  public int submissions() {
    return acknowledged.size();
  }

  /**
   * Until the process instance has ended.
   *
   * @param turn which node takes the first submission
   */
  public void toTheEnd(String processInstanceId, int turn) throws InterruptedException {
    long waitingSince = System.nanoTime();
    while (true) {
      NodeClient reader = nodes.get(turn % nodes.size());
      List<Map<String, Object>> open = reader.openTasks(processInstanceId);
      if (open.isEmpty()) {
        if (hasEnded(reader, processInstanceId)) {
          return;
        }
        if (System.nanoTime() - waitingSince > PATIENCE.toNanos()) {
          throw new AssertionError("Instance " + processInstanceId + " has no open task and has not ended after "
              + PATIENCE + ": " + reader.get("admin", "/engine-rest/job?processInstanceId=" + processInstanceId
              + "&maxResults=10").body());
        }
        Thread.sleep(100);
        continue;
      }
      for (Map<String, Object> task : open) {
        NodeClient node = nodes.get(turn++ % nodes.size());
        Submission submission = new Submission(processInstanceId, (String) task.get("taskDefinitionKey"),
            (String) task.get("id"));
        sent.add(submission);
        NodeClient.Answer answer = node.submitValid(task);
        if (!answer.ok()) {
          throw new AssertionError("Submitting " + task.get("taskDefinitionKey") + " of " + processInstanceId
              + ": HTTP " + answer.status() + " " + answer.body());
        }
        acknowledged.add(submission.taskId());
        afterAcknowledged.accept(submission);
      }
      waitingSince = System.nanoTime();
    }
  }

  private static boolean hasEnded(NodeClient node, String processInstanceId) {
    Map<String, Object> instance = NodeClient.expectOk(node.get("admin",
        "/engine-rest/history/process-instance/" + processInstanceId), "instance " + processInstanceId).json();
    return instance.get("endTime") != null;
  }
}
