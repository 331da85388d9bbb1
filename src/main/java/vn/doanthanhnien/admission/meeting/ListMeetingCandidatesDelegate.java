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
import vn.doanthanhnien.admission.process.UnitMeetingProcess.Var;

/**
 * Service task {@code listMeetingCandidates}, in the transaction that starts the meeting: finds the unit that met
 * (the one named on the start form, or the only unit of the officer with candidacies waiting at the stage) and lists
 * those candidacies for the meeting form. A meeting with nobody to record is refused at the start (HTTP 400), nothing
 * stored.
 */
@Component("listMeetingCandidatesDelegate")
public class ListMeetingCandidatesDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ListMeetingCandidatesDelegate.class);

  private final MeetingService meetings;
  private final CandidacyAuthorizations authorizations;
  private final ObjectMapper json;

  public ListMeetingCandidatesDelegate(MeetingService meetings, CandidacyAuthorizations authorizations,
      ObjectMapper json) {
    this.meetings = meetings;
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
    execution.setVariable(Var.UNIT, unit);
    execution.setVariable(Var.CANDIDATES, SpinValues.jsonValue(json.writeValueAsString(waiting)).create());
    authorizations.grantMeetingToUnit(execution.getProcessInstanceId(), unit);
    LOG.info("Meeting {} of unit {} at {} lists {} candidacies", execution.getProcessInstanceId(), unit, stage,
        waiting.size());
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
