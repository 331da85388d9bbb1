package vn.doanthanhnien.admission.engineapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.RefusedSubmissions;
import vn.doanthanhnien.admission.common.ReplayedBodyRequest;
import vn.doanthanhnien.admission.form.DeployedForm;
import vn.doanthanhnien.admission.form.DeployedForms;
import vn.doanthanhnien.admission.identity.Roles;

/**
 * Decides, before Camunda's resources run, what a caller of the engine's REST API may change. The API is Camunda's,
 * made for trusted clients: any user with CREATE_INSTANCE could start a pipeline in the middle (start instructions),
 * and any submission could carry variables that no form has and that the model trusts ({@code renewingDossier},
 * {@code backgroundVerified}). Here:
 * <ul>
 *   <li>officers change only what Tasklist changes ({@link OfficerCalls}), and start a process only through its start
 *   form, without choosing the business key;</li>
 *   <li>a task's submission or completion, and a start form's, carry exactly fields of the deployed form, for
 *   administrators too;</li>
 *   <li>every body is JSON of bounded size and depth, whose typed values are plain (no {@code Object}, {@code Json},
 *   {@code Xml}, {@code File} or {@code Bytes}: serialized objects are a remote-code-execution path) and of bounded
 *   length;</li>
 *   <li>a process's task is not deleted (it belongs to its instance; withdrawal ends a candidacy);</li>
 *   <li>an officer's list or count of instances, their variables, activities or history names the candidacies it is
 *   about ({@link InstanceLists}): unnamed, the engine's grant check makes it a query of minutes at volume.</li>
 * </ul>
 * A refused request changes nothing: it never reaches the engine.
 */
public class EngineRestGate extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestGate.class);

  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_MULTIPART_BYTES = 20 * 1024 * 1024;
  static final int MAX_TEXT_CHARS = 10_000;
  static final int MAX_DEPTH = 40;
  /** The types a form field's value can have; anything else is refused. */
  private static final Set<String> PLAIN_TYPES = Set.of("string", "integer", "long", "short", "double", "boolean",
      "date", "null");
  private static final Set<String> TASK_SUBMISSION_KEYS = Set.of("variables", "withVariablesInReturn");
  private static final Set<String> START_SUBMISSION_KEYS = Set.of("variables", "businessKey");
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

  static final String OFFICER_CALL_REFUSED = "Cán bộ không được thực hiện thao tác này qua API của Camunda. Hãy làm "
      + "việc trên Tasklist (nhận việc, điền và hoàn thành biểu mẫu) hoặc dùng API /api của ứng dụng.";
  static final String START_REFUSED = "Quy trình chỉ được bắt đầu bằng biểu mẫu bắt đầu của nó (submit-form): không "
      + "được bắt đầu từ giữa quy trình, bỏ qua bước hay tự đặt biến của quy trình.";

  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final DeployedForms forms;
  private final EngineAsSystem system;
  private final MeterRegistry meters;

  public EngineRestGate(IdentityService identity, TaskService tasks, RuntimeService runtime, DeployedForms forms,
      EngineAsSystem system, MeterRegistry meters) {
    this.meters = meters;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.forms = forms;
    this.system = system;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineCall call = EngineCall.of(request);
    if (call == null) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getHeader("X-HTTP-Method-Override") != null || request.getHeader("X-HTTP-Method") != null) {
      refuse(response, call, null, new Refusal(400, "InvalidRequestException",
          "Không hỗ trợ đổi phương thức HTTP qua tiêu đề (X-HTTP-Method-Override).", List.of()));
      return;
    }
    if (call.method().equals("GET") && InstanceLists.isOne(call) && !InstanceLists.names(request.getParameterMap())) {
      String userId = userOf(request, call);
      if (userId != null && !isAdministrator(userId)) {
        refuse(response, call, userId, Refusal.invalid(InstanceLists.REFUSED, List.of()));
        return;
      }
    }
    if (call.reads()) {
      chain.doFilter(request, response);
      return;
    }
    String userId = userOf(request, call);
    if (userId == null) {
      // Not signed in: the sign-in filters answer 401.
      chain.doFilter(request, response);
      return;
    }
    boolean administrator = isAdministrator(userId);
    if (!administrator) {
      if (OfficerCalls.isStartWithoutForm(call)) {
        refuse(response, call, userId, Refusal.forbidden(START_REFUSED));
        return;
      }
      if (!OfficerCalls.allowed(call, userId)) {
        refuse(response, call, userId, Refusal.forbidden(OFFICER_CALL_REFUSED));
        return;
      }
    }
    if (isMultipart(request)) {
      if (request.getContentLengthLong() > MAX_MULTIPART_BYTES) {
        refuse(response, call, userId, Refusal.tooLarge(MAX_MULTIPART_BYTES));
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      refuse(response, call, userId, Refusal.tooLarge(MAX_BODY_BYTES));
      return;
    }
    Refusal refusal;
    JsonNode json = null;
    try {
      json = body.length == 0 ? null : JSON.readTree(body);
      refusal = check(call, json, administrator);
    } catch (StreamConstraintsException e) {
      refusal = Refusal.invalid("Nội dung yêu cầu lồng nhau quá sâu (tối đa " + MAX_DEPTH + " tầng).", List.of());
    } catch (IOException e) {
      refusal = Refusal.invalid("Nội dung yêu cầu không phải JSON hợp lệ.", List.of());
    }
    if (refusal != null) {
      refuse(response, call, userId, refusal);
      return;
    }
    chain.doFilter(new ReplayedBodyRequest(request, withoutReadOnlyFormReference(call, json, body)), response);
  }

  private Refusal check(EngineCall call, JsonNode json, boolean administrator) {
    List<String> problems = new ArrayList<>();
    if (json != null) {
      plainValues(json, null, problems);
    }
    if (!problems.isEmpty()) {
      return Refusal.invalid("Dữ liệu gửi lên có giá trị không được nhận", problems);
    }
    if (!administrator && InstanceLists.isOne(call) && !InstanceLists.names(json)) {
      return Refusal.invalid(InstanceLists.REFUSED, List.of());
    }
    if (call.is("POST", "task/*/submit-form") || call.is("POST", "task/*/complete")) {
      return forms.ofTask(call.segment(1))
          .map(form -> submission(json, form, TASK_SUBMISSION_KEYS, problems))
          .orElse(null);
    }
    if (call.is("POST", "process-definition/*/submit-form") || call.is("POST", "process-definition/key/*/submit-form")
        || call.is("POST", "process-definition/key/*/tenant-id/*/submit-form")) {
      boolean byKey = "key".equals(call.segment(1));
      Optional<ProcessDefinition> definition = forms.definition(byKey ? null : call.segment(1),
          byKey ? call.segment(2) : null, byKey && call.segments().size() == 6 ? call.segment(4) : null);
      if (!administrator && json != null && json.hasNonNull("businessKey") && !json.get("businessKey").asText()
          .isBlank()) {
        problems.add("Số hồ sơ (businessKey) do hệ thống cấp; không được gửi kèm.");
      }
      return definition.map(d -> submission(json, forms.ofStart(d), START_SUBMISSION_KEYS, problems))
          .orElse(problems.isEmpty() ? null : Refusal.invalid("Không thể bắt đầu quy trình", problems));
    }
    if (call.is("POST", "condition") && system.call(() -> runtime.createEventSubscriptionQuery()
        .eventType(EventType.CONDITONAL.name()).count()) == 0) {
      // The engine would answer 500 ("No subscriptions were found").
      return Refusal.invalid("Không có quy trình nào bắt đầu theo điều kiện.", List.of());
    }
    if (call.is("DELETE", "task/*")) {
      Task task = system.call(() -> tasks.createTaskQuery().taskId(call.segment(1)).singleResult());
      if (task != null && task.getProcessInstanceId() != null) {
        return new Refusal(409, "InvalidRequestException", "Việc «" + task.getName() + "» thuộc một quy trình đang "
            + "chạy nên không xóa được; muốn dừng hồ sơ thì rút hồ sơ.", List.of());
      }
    }
    return null;
  }

  /**
   * Tasklist saves a task's follow-up or due date by sending the whole task back, with its form reference, which is
   * read-only and which Camunda 7.24's REST API cannot read back in: the update would fail with 400 "Cannot construct
   * instance of CamundaFormRef". The reference is dropped; the engine ignores it on an update anyway.
   */
  private static byte[] withoutReadOnlyFormReference(EngineCall call, JsonNode json, byte[] body) throws IOException {
    if (call.is("PUT", "task/*") && json instanceof ObjectNode task && task.has("camundaFormRef")) {
      task.remove("camundaFormRef");
      return JSON.writeValueAsBytes(task);
    }
    return body;
  }

  /** The fields of a submission against its deployed form: every name must be a field of the form. */
  private static Refusal submission(JsonNode json, DeployedForm form, Set<String> allowedKeys, List<String> problems) {
    if (json != null) {
      if (!json.isObject()) {
        return Refusal.invalid("Nội dung yêu cầu phải là một đối tượng JSON.", List.of());
      }
      for (var names = json.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowedKeys.contains(name)) {
          problems.add("Không được gửi «" + name + "» kèm biểu mẫu.");
        }
      }
      JsonNode variables = json.path("variables");
      if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
        problems.add("«variables» phải là một đối tượng JSON.");
      }
      for (var names = variables.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!form.keys().contains(name)) {
          problems.add(form.keys().isEmpty()
              ? "Việc này không có biểu mẫu nên không nhận trường «" + name + "»."
              : "Biểu mẫu không có trường «" + name + "»: chỉ được gửi các trường của biểu mẫu.");
        }
      }
    }
    return problems.isEmpty() ? null : Refusal.invalid("Dữ liệu gửi lên không đúng biểu mẫu", problems);
  }

  /**
   * Every typed value in the body ({@code {"value": …, "type": …}}, wherever the API takes variables) must be of a
   * plain type, without a serialization format, and no text may be longer than {@link #MAX_TEXT_CHARS}.
   */
  private static void plainValues(JsonNode node, String name, List<String> problems) {
    if (node.isTextual() && node.asText().length() > MAX_TEXT_CHARS) {
      problems.add(label(name) + " dài quá " + MAX_TEXT_CHARS + " ký tự.");
      return;
    }
    if (node.isObject()) {
      JsonNode type = node.get("type");
      boolean typedValue = type != null && type.isTextual() && (node.has("value") || node.has("valueInfo"));
      if (typedValue && !PLAIN_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT))) {
        problems.add(label(name) + " có kiểu «" + type.asText() + "»: chỉ nhận chuỗi, số, ngày hoặc đúng/sai.");
      } else if (typedValue && node.path("valueInfo").has("serializationDataFormat")) {
        problems.add(label(name) + " không được gửi dưới dạng đối tượng tuần tự hóa.");
      }
      // A typed value's "value" is named after the variable that holds it.
      node.fields().forEachRemaining(field -> plainValues(field.getValue(),
          field.getKey().equals("value") && name != null ? name : field.getKey(), problems));
    } else if (node.isArray()) {
      node.forEach(element -> plainValues(element, name, problems));
    }
  }

  private static String label(String name) {
    return name == null ? "Nội dung" : "Trường «" + name + "»";
  }

  /** The body, or null when it is longer than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES ? null : body;
    }
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  /** The signed-in user: set by the sign-in filter for /engine-rest, kept in the session by the webapps. */
  private String userOf(HttpServletRequest request, EngineCall call) {
    if (!call.webapp()) {
      Authentication current = identity.getCurrentAuthentication();
      return current == null ? null : current.getUserId();
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    var authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine("default");
    return authentication == null ? null : authentication.getName();
  }

  /** The stage a refused call submitted: the task's key, {@code start} for a start form, else {@code none}. */
  private String stageOf(EngineCall call) {
    if (call.is("POST", "task/*/submit-form") || call.is("POST", "task/*/complete")) {
      Task task = system.call(() -> tasks.createTaskQuery().taskId(call.segment(1)).singleResult());
      return task == null || task.getTaskDefinitionKey() == null ? "none" : task.getTaskDefinitionKey();
    }
    return call.path().endsWith("/submit-form") || call.path().endsWith("/start") ? "start" : "none";
  }

  private boolean isAdministrator(String userId) {
    return system.call(() -> identity.createGroupQuery().groupMember(userId).groupId(Roles.ADMIN_GROUP).count() > 0);
  }

  private void refuse(HttpServletResponse response, EngineCall call, String userId, Refusal refusal)
      throws IOException {
    RefusedSubmissions.count(meters, stageOf(call), call.webapp() ? "camunda-api" : "engine-rest");
    LOG.info("Engine REST call {} {} by {} refused with {}: {}", call.method(), call.path(), userId, refusal.status(),
        refusal.problems().isEmpty() ? refusal.message() : refusal.problems().size() + " problem(s)");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refusal.type());
    body.put("message", refusal.problems().isEmpty() ? refusal.message()
        : refusal.message() + ": " + String.join(" ", refusal.problems()));
    body.put("code", null);
    body.put("problems", refusal.problems());
    response.setStatus(refusal.status());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getWriter(), body);
  }

  record Refusal(int status, String type, String message, List<String> problems) {

    static Refusal forbidden(String message) {
      return new Refusal(403, "AuthorizationException", message, List.of());
    }

    static Refusal invalid(String message, List<String> problems) {
      return new Refusal(400, "InvalidRequestException", message, List.copyOf(problems));
    }

    static Refusal tooLarge(int limit) {
      return new Refusal(413, "InvalidRequestException", "Nội dung yêu cầu quá lớn (tối đa " + limit / (1024 * 1024)
          + " MB).", List.of());
    }
  }
}
