package vn.doanthanhnien.admission.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists and counts of what belongs to candidacies — their instances, executions, variables, activities, jobs,
 * incidents and history — through the engine's REST API. The engine answers an officer's such query by joining every
 * instance against every grant of the officer's groups ({@code RESOURCE_ID_ in (instance, definition key, '*')}, a
 * join the database can only run as a loop): at national volume a plain {@code GET /process-instance?maxResults=15}
 * held a connection for minutes (docs/performance.md, change 16). No page of Tasklist asks for such a list; an
 * officer's query must therefore name the candidacies it is about (an instance, an execution, a task or a business
 * key), and then the engine finds their grants by index. Administrators are not checked: the engine does not join
 * grants for them. Officers see their unit's candidacies on Tasklist and in the reports.
 */
final class InstanceLists {

  static final String REFUSED = "Danh sách hồ sơ qua API của Camunda phải lọc theo hồ sơ cụ thể (processInstanceId, "
      + "processInstanceIds, businessKey, executionId hoặc taskId). Danh sách hồ sơ của đơn vị xem trên Tasklist, ở "
      + "báo cáo và bảng theo dõi, hoặc qua /api/candidacies.";

  /** The engine's resources whose queries check an officer's grants on each process instance. */
  private static final List<String> RESOURCES = List.of("process-instance", "execution", "variable-instance",
      "incident", "job", "external-task", "history/process-instance", "history/activity-instance",
      "history/variable-instance", "history/detail", "history/task", "history/incident", "history/job-log",
      "history/external-task-log", "history/identity-link-log");

  /** Query parameters that name one or a few candidacies (the engine reads them by index). */
  private static final Set<String> NAMING = Set.of("processInstanceId", "processInstanceIds", "processInstanceIdIn",
      "businessKey", "processInstanceBusinessKey", "executionId", "executionIdIn", "superProcessInstance",
      "subProcessInstance", "taskId", "taskIdIn", "activityInstanceIdIn");

  private InstanceLists() {
  }

  /** Whether the call lists or counts one of {@link #RESOURCES} (by GET with parameters or by POST with a body). */
  static boolean isOne(EngineCall call) {
    if (!call.method().equals("GET") && !call.method().equals("POST")) {
      return false;
    }
    String path = call.path();
    String resource = path.endsWith("/count") ? path.substring(0, path.length() - "/count".length()) : path;
    return RESOURCES.contains(resource);
  }

  /** Whether a GET's query parameters name candidacies. */
  static boolean names(Map<String, String[]> parameters) {
    return parameters.entrySet().stream().anyMatch(p -> NAMING.contains(p.getKey())
        && Arrays.stream(p.getValue()).anyMatch(v -> v != null && !v.isBlank()));
  }

  /** Whether a POSTed query names candidacies: a naming field that is a non-blank text or a non-empty list. */
  static boolean names(JsonNode query) {
    if (query == null || !query.isObject()) {
      return false;
    }
    for (String name : NAMING) {
      JsonNode value = query.get(name);
      if (value != null && (value.isTextual() && !value.asText().isBlank() || value.isArray() && !value.isEmpty())) {
        return true;
      }
    }
    return false;
  }
}
