package vn.doanthanhnien.admission.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.CandidacyAuthorizations;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.UnitMeetingProcess.Var;

/**
 * Service task {@code listMeetingCandidates}, in the transaction that starts the meeting: finds the unit that met
 * (the one named on the start form, or the only unit of the officer with candidacies waiting at the stage) and lists
 * those candidacies for the meeting form, one row each, the longest waiting first, as many as the form has rows: the
 * list itself stays on the server ({@code meetingCandidates}), the form shows each row's label. A meeting with nobody to record is refused at the start (HTTP 400), nothing
 * stored.
 */
@Component("listMeetingCandidatesDelegate")
public class ListMeetingCandidatesDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ListMeetingCandidatesDelegate.class);

  private final MeetingService meetings;
  private final MeetingForms forms;
  private final CandidacyAuthorizations authorizations;
  private final ObjectMapper json;

  public ListMeetingCandidatesDelegate(MeetingService meetings, MeetingForms forms,
      CandidacyAuthorizations authorizations, ObjectMapper json) {
    this.meetings = meetings;
    this.forms = forms;
    this.authorizations = authorizations;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String stage = String.valueOf(execution.getVariable(Var.STAGE));
    Object named = execution.getVariable(Var.UNIT);
    String unit = named instanceof String code && !code.isBlank() ? code.strip() : onlyUnitWaitingAt(stage);
    List<Map<String, Object>> waiting;
    try {
      waiting = meetings.waitingAt(stage, unit);
    } catch (NotFoundException e) {
      throw refused(e.getMessage());
    }
    if (waiting.isEmpty()) {
      throw refused("Không có hồ sơ nào đang chờ bước này ở đơn vị " + unit + " mà bạn ghi nhận được.");
    }
    int rows = forms.ofTask(execution.getProcessDefinitionId(), meetingTaskOf(execution, stage)).rows();
    List<Map<String, Object>> listed = waiting.subList(0, Math.min(rows, waiting.size()));
    execution.setVariable(Var.UNIT, unit);
    execution.setVariable(Var.CANDIDATES, SpinValues.jsonValue(json.writeValueAsString(listed)).create());
    execution.setVariable(Var.CANDIDATE_COUNT, listed.size());
    for (int row = 1; row <= listed.size(); row++) {
      Map<String, Object> person = listed.get(row - 1);
      execution.setVariable(Var.CANDIDATE_LABEL + row, "Hồ sơ số " + person.get(Var.CANDIDACY_ID) + " — "
          + person.get(PartyAdmissionProcess.Var.MEMBER_FULL_NAME) + ", sinh ngày "
          + person.get(PartyAdmissionProcess.Var.MEMBER_BIRTH_DATE) + ", "
          + person.get(PartyAdmissionProcess.Var.BRANCH_NAME));
    }
    if (waiting.size() > rows) {
      LOG.info("Meeting {} lists the {} oldest of {} waiting candidacies", execution.getProcessInstanceId(), rows,
          waiting.size());
    }
    authorizations.grantMeetingToUnit(execution.getProcessInstanceId(), unit);
    LOG.info("Meeting {} of unit {} at {} lists {} candidacies", execution.getProcessInstanceId(), unit, stage,
        waiting.size());
  }

  /** The meeting process's user task that records the stage. */
  private String meetingTaskOf(DelegateExecution execution, String stage) {
    return forms.tasksOf(execution.getProcessDefinitionId()).entrySet().stream()
        .filter(e -> e.getValue().equals(stage)).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> refused("Bước «" + stage + "» không ghi nhận theo cuộc họp chung."));
  }

  private String onlyUnitWaitingAt(String stage) {
    Set<String> units;
    try {
      units = meetings.unitsWaitingAt(stage);
    } catch (NotFoundException e) {
      throw refused(e.getMessage());
    }
    if (units.size() != 1) {
      throw refused(units.isEmpty() ? "Không có hồ sơ nào đang chờ bước này ở các đơn vị của bạn."
          : "Bạn phụ trách nhiều đơn vị có hồ sơ đang chờ bước này (" + String.join(", ", units)
              + "): hãy ghi mã đơn vị của cuộc họp.");
    }
    return units.iterator().next();
  }

  private static FormFieldValidationException refused(String message) {
    LOG.info("Meeting start refused: {}", message);
    return new FormFieldValidationException(Var.STAGE, message);
  }
}
