package vn.doanthanhnien.admission.probation;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.process.ProbationProcess;

/**
 * On every end event of the probation process, in the transaction that reaches it: records whether the member became
 * a full member, from the result of the vote that decided (variables named by the stage recorder,
 * {@code <taskKey>_<field>}).
 */
@Component("probationClosing")
public class ProbationClosingListener implements ExecutionListener {

  private final ProbationService probations;

  public ProbationClosingListener(ProbationService probations) {
    this.probations = probations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String endEvent = execution.getCurrentActivityId();
    String decidedAt = ProbationProcess.DECIDED_AT.get(endEvent);
    if (decidedAt == null) {
      throw new IllegalStateException("End event " + endEvent + " of the probation process has no known outcome");
    }
    Object meetingDate = execution.getVariable(decidedAt + "_meetingDate");
    probations.decide(probations.candidacyOf(execution), ProbationProcess.RECOGNISED.equals(endEvent),
        decidedAt, meetingDate == null ? null : LocalDate.parse(meetingDate.toString()),
        (String) execution.getVariable(decidedAt + "_resolutionNumber"), execution.getCurrentActivityName());
  }
}
