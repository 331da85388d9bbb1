package vn.doanthanhnien.admission.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drives a candidacy to its end over HTTP, from whatever stage it is at: submits every open task with valid values
 * as the demo user of its role, and waits while the engine's job executor runs the asynchronous steps in between.
 * Submissions go round the nodes in turn, so the tasks of one candidacy are completed on each node alternately.
 */
public final class CandidacyDriver {

  /** How long the instance may stay without an open task before the driver gives up (a job that never ran). */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final List<NodeClient> nodes;
  /** Tasks whose submission a node acknowledged (HTTP 204): each must stay completed, whatever happens next. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  public CandidacyDriver(List<NodeClient> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  public Set<String> acknowledgedTasks() {
    return Set.copyOf(acknowledged);
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
        NodeClient.Answer answer = node.submitValid(task);
        if (!answer.ok()) {
          throw new AssertionError("Submitting " + task.get("taskDefinitionKey") + " of " + processInstanceId
              + ": HTTP " + answer.status() + " " + answer.body());
        }
        acknowledged.add((String) task.get("id"));
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
