package vn.doanthanhnien.admission.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.ForbiddenException;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.meeting.MeetingForms.MeetingForm;
import vn.doanthanhnien.admission.process.UnitMeetingProcess.Var;

/**
 * Ends each user task of the meeting process: records the meeting from the submitted form ({@link MeetingService}),
 * in the transaction of the task's completion. A refusal is a form validation error, so Tasklist shows every problem
 * and the task stays open with nothing stored, as for a single candidacy's task.
 */
@Component("recordMeetingListener")
public class RecordMeetingListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(RecordMeetingListener.class);

  private final MeetingService meetings;
  private final MeetingForms forms;
  private final ObjectMapper json;

  public RecordMeetingListener(MeetingService meetings, MeetingForms forms, ObjectMapper json) {
    this.meetings = meetings;
    this.forms = forms;
    this.json = json;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    MeetingForm form = forms.ofTask(execution.getProcessDefinitionId(), execution.getCurrentActivityId());
    Map<String, Object> shared = new LinkedHashMap<>();
    form.shared().fields().keySet().stream().filter(key -> execution.getVariable(key) != null)
        .forEach(key -> shared.put(key, execution.getVariable(key)));
    try {
      MeetingService.Recorded recorded = meetings.record(form.stage(),
          String.valueOf(execution.getVariable(Var.UNIT)), shared, results(execution.getVariable(Var.CANDIDATES)));
      execution.setVariable(Var.RECORDED_MEETING_ID, recorded.meetingId());
    } catch (InvalidInputException | ForbiddenException | ConflictException e) {
      LOG.info("Meeting {} refused: {}", execution.getProcessInstanceId(), e.getMessage());
      throw new FormFieldValidationException(Var.CANDIDATES, e.getMessage());
    }
  }

  /** The list as Tasklist sends it back (a JSON value), or as its text. */
  private List<Map<String, Object>> results(Object list) {
    if (list == null) {
      return List.of();
    }
    try {
      return json.readValue(list.toString(), new TypeReference<List<Map<String, Object>>>() {
      });
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("Danh sách hồ sơ của cuộc họp phải là một danh sách, mỗi hồ sơ một đối tượng.");
    }
  }
}
