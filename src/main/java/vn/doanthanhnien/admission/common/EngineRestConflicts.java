package vn.doanthanhnien.admission.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two officers acting on the same task at once, as Camunda's REST API answers them: with HTTP 500 and an English
 * message ("TaskAlreadyClaimedException", "ENGINE-03005 … updated by another transaction concurrently", "Cannot find
 * task with id …"). Here they get 409 and a Vietnamese message saying what happened to the task, in Camunda's error
 * shape ({@code type}, {@code message}, {@code code}), and a task that never existed 404. The failed request changed
 * nothing: the engine rolled its transaction back, the application's tables with it. An instance that tried to act on
 * another candidacy ({@link ForeignInstanceException}) is 403 however deep the engine wrapped it.
 */
@Component
public class EngineRestConflicts {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestConflicts.class);
  /** The task actions an officer takes in Tasklist; others keep Camunda's answers, except for a concurrent change. */
  private static final Set<String> TASK_ACTIONS = Set.of("claim", "submit-form", "complete");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  public static final String CONCURRENT_CHANGE = "Dữ liệu vừa được người khác thay đổi cùng lúc nên thao tác của bạn chưa "
      + "được ghi nhận. Vui lòng tải lại rồi thử lại.";

  private final TaskService tasks;
  private final HistoryService history;
  private final EngineAsSystem system;
  private final ZoneId zone;
  private final LostRaces lostRaces;

  public EngineRestConflicts(TaskService tasks, HistoryService history, EngineAsSystem system, BusinessClock clock,
      LostRaces lostRaces) {
    this.tasks = tasks;
    this.lostRaces = lostRaces;
    this.history = history;
    this.system = system;
    this.zone = clock.zone();
  }

  /** The answer to {@code error} when it is a conflict over a task or a concurrent change; empty otherwise. */
  public Optional<Response> answer(Throwable error, UriInfo request) {
    // Thrown in a task listener, it reaches here wrapped in the engine's generic exception, which would be a 500.
    ForeignInstanceException foreign = cause(error, ForeignInstanceException.class);
    if (foreign != null) {
      return Optional.of(answer(Response.Status.FORBIDDEN, error, foreign, foreign.getMessage()));
    }
    // A refused form (a nomination's rules, a stage's checks) is the user's input: Camunda answers it 400 on
    // submit-form but 500 on /start, which an administrator may call.
    FormFieldValidationException refused = cause(error, FormFieldValidationException.class);
    if (refused != null) {
      return Optional.of(answer(Response.Status.BAD_REQUEST, error, refused, refused.getMessage()));
    }
    ProcessEngineException engineError = cause(error, ProcessEngineException.class);
    // A version clash, a row lock the database gave up waiting for, or a unique key taken by a concurrent insert (two
    // claims by one user each granting the task to them): Camunda would answer each 500 with the database's message.
    boolean concurrent = lostRaces.causedBy(error);
    TaskAction action = taskActedOn(request);
    if (action != null && (concurrent || engineError instanceof TaskAlreadyClaimedException
        || engineError instanceof NullValueException)) {
      Optional<Response> answer = taskState(action, error, engineError, concurrent);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return concurrent ? Optional.of(conflict(error, engineError, CONCURRENT_CHANGE)) : Optional.empty();
  }

  /** What became of the task, as the officer who could not act on it needs to know. */
  private Optional<Response> taskState(TaskAction action, Throwable error, ProcessEngineException engineError,
      boolean concurrent) {
    String taskId = action.taskId();
    Task open = system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (open != null) {
      // Two claims at once: the second fails on the task's version rather than on its assignee.
      if (engineError instanceof TaskAlreadyClaimedException || action.is("claim") && open.getAssignee() != null) {
        return Optional.of(conflict(error, engineError, "Việc «" + open.getName() + "» đã được "
            + open.getAssignee() + " nhận trước. Vui lòng tải lại danh sách việc."));
      }
      // A NullValueException about something else than the task itself keeps Camunda's answer.
      return concurrent ? Optional.of(conflict(error, engineError, CONCURRENT_CHANGE)) : Optional.empty();
    }
    HistoricTaskInstance ended = system.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (ended == null) {
      return concurrent ? Optional.empty() : Optional.of(answer(Response.Status.NOT_FOUND, error, engineError,
          "Không tìm thấy việc có mã " + taskId + "."));
    }
    if ("completed".equals(ended.getDeleteReason()) && ended.getEndTime() != null) {
      return Optional.of(conflict(error, engineError, "Việc «" + ended.getName() + "» đã được hoàn thành lúc "
          + WHEN.format(ended.getEndTime().toInstant().atZone(zone)) + "; nội dung bạn gửi không được ghi nhận. "
          + "Vui lòng tải lại danh sách việc."));
    }
    return Optional.of(conflict(error, engineError, "Việc «" + ended.getName() + "» không còn mở: hồ sơ đã chuyển "
        + "sang bước khác, được làm lại hoặc đã kết thúc. Vui lòng tải lại danh sách việc."));
  }

  private static Response conflict(Throwable error, ProcessEngineException engineError, String message) {
    return answer(Response.Status.CONFLICT, error, engineError, message);
  }

  private static Response answer(Response.Status status, Throwable error, ProcessEngineException engineError,
      String message) {
    LOG.info("Engine REST request answered {} to {}: {}", status.getStatusCode(), error.getClass().getSimpleName(),
        error.getMessage());
    ExceptionDto body = new ExceptionDto();
    // The engine's own exception names what happened (OptimisticLockingException, TaskAlreadyClaimedException…),
    // where Camunda's answer would often name only its wrapper, RestException.
    Throwable named = cause(error, OptimisticLockingException.class) != null
        ? cause(error, OptimisticLockingException.class) : engineError != null ? engineError : error;
    body.setType(named.getClass().getSimpleName());
    body.setMessage(message);
    body.setCode(engineError == null ? null : engineError.getCode());
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private record TaskAction(String taskId, String name) {

    boolean is(String action) {
      return name.equals(action);
    }
  }

  /** The task and action of {@code …/task/{id}/claim}, {@code …/submit-form} or {@code …/complete}, else null. */
  private static TaskAction taskActedOn(UriInfo request) {
    List<PathSegment> path = request.getPathSegments();
    for (int i = 0; i + 2 < path.size(); i++) {
      if (path.get(i).getPath().equals("task") && TASK_ACTIONS.contains(path.get(i + 2).getPath())) {
        return new TaskAction(path.get(i + 1).getPath(), path.get(i + 2).getPath());
      }
    }
    return null;
  }

  private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
