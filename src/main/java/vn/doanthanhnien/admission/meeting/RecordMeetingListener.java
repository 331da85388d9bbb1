package vn.doanthanhnien.admission.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
 * Ends each user task of the meeting process: records the meeting from the submitted form, its shared fields and one
 * row per listed candidacy ({@link MeetingService}),
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
          String.valueOf(execution.getVariable(Var.UNIT)), shared, results(form, execution));
      execution.setVariable(Var.RECORDED_MEETING_ID, recorded.meetingId());
    } catch (InvalidInputException | ForbiddenException | ConflictException e) {
      LOG.info("Meeting {} refused: {}", execution.getProcessInstanceId(), e.getMessage());
      throw new FormFieldValidationException(execution.getCurrentActivityId(), e.getMessage());
    }
  }

  /**
   * Each listed candidacy's results, from its row of the form: the list was made by the server when the meeting
   * started ({@code meetingCandidates}); the submission only fills its rows.
   */
  private List<Map<String, Object>> results(MeetingForm form, DelegateExecution execution) {
    List<Map<String, Object>> listed;
    try {
      listed = json.readValue(String.valueOf(execution.getVariable(Var.CANDIDATES)),
          new TypeReference<List<Map<String, Object>>>() {
          });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Meeting " + execution.getProcessInstanceId() + " has an unreadable list", e);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (int row = 1; row <= listed.size(); row++) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put(Var.CANDIDACY_ID, listed.get(row - 1).get(Var.CANDIDACY_ID));
      for (String field : form.perPerson().keys()) {
        Object value = execution.getVariable(MeetingForm.rowField(field, row));
        if (value != null) {
          result.put(field, value);
        }
      }
      results.add(result);
    }
    return results;
  }
}
