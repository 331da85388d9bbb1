package vn.doanthanhnien.admission.engineapi;

import java.util.List;

/**
 * What an officer (any signed-in user who is not an administrator) may change through the engine's REST API: what
 * Tasklist does, and nothing else. Reads are left to the engine's authorization checks; every other change (a start
 * without the start form, start instructions, instance modification, variables set directly, messages, signals,
 * conditions, jobs, deployments, deletions) is refused before it reaches the engine.
 */
final class OfficerCalls {

  /** Method and path ({@code *} is one segment) of each change Tasklist makes. */
  private static final List<String[]> ALLOWED = List.of(
      // task lists and counts: the filters and the task query are POSTed
      new String[] {"POST", "filter/*/list"},
      new String[] {"POST", "filter/*/count"},
      new String[] {"POST", "filter/*/singleResult"},
      new String[] {"POST", "task"},
      new String[] {"POST", "task/count"},
      new String[] {"POST", "process-instance"},
      new String[] {"POST", "process-instance/count"},
      new String[] {"POST", "variable-instance"},
      new String[] {"POST", "variable-instance/count"},
      new String[] {"POST", "history/process-instance"},
      new String[] {"POST", "history/process-instance/count"},
      new String[] {"POST", "history/activity-instance"},
      new String[] {"POST", "history/activity-instance/count"},
      new String[] {"POST", "history/variable-instance"},
      new String[] {"POST", "history/variable-instance/count"},
      // work on a task: the engine checks the task grant (TASK_WORK claims and completes, no more)
      new String[] {"POST", "task/*/claim"},
      new String[] {"POST", "task/*/unclaim"},
      new String[] {"POST", "task/*/submit-form"},
      new String[] {"POST", "task/*/complete"},
      new String[] {"POST", "task/*/comment/create"},
      new String[] {"POST", "task/*/assignee"},
      new String[] {"POST", "task/*/identity-links"},
      new String[] {"POST", "task/*/identity-links/delete"},
      new String[] {"PUT", "task/*"},
      // start a process through its start form
      new String[] {"POST", "process-definition/*/submit-form"},
      new String[] {"POST", "process-definition/key/*/submit-form"},
      new String[] {"POST", "process-definition/key/*/tenant-id/*/submit-form"});

  /** Changes of one's own profile and password (Welcome's profile page); the path names the user. */
  private static final List<String[]> OWN_USER = List.of(
      new String[] {"PUT", "user/*/profile"},
      new String[] {"PUT", "user/*/credentials"});

  private OfficerCalls() {
  }

  static boolean allowed(EngineCall call, String userId) {
    if (ALLOWED.stream().anyMatch(rule -> call.is(rule[0], rule[1]))) {
      return true;
    }
    return OWN_USER.stream().anyMatch(rule -> call.is(rule[0], rule[1])) && userId.equals(call.segment(1));
  }

  /** A start that is not the start form's: by {@code /start} (with or without start instructions) or a restart. */
  static boolean isStartWithoutForm(EngineCall call) {
    return call.is("POST", "process-definition/*/start") || call.is("POST", "process-definition/key/*/start")
        || call.is("POST", "process-definition/key/*/tenant-id/*/start")
        || call.is("POST", "process-definition/*/restart") || call.is("POST", "process-definition/*/restart-async");
  }
}
