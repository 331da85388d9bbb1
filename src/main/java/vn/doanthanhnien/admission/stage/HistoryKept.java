package vn.doanthanhnien.admission.stage;

import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * The engine history this application keeps, which is what its users, Cockpit and the tests read: process, activity
 * and task instances, variables (their last value), incidents, jobs, attachments, the user operation log, and the
 * decisions the models themselves evaluate. Not kept, because nothing reads them and they were the largest part of
 * what each task completion wrote (docs/performance.md):
 * <ul>
 *   <li>the detail row of every variable change ({@code ACT_HI_DETAIL}, "variable updates"): a stage's values are kept
 *       in its timeline record and as the variables that carry them onward;
 *   <li>the form submission rows ({@code ACT_HI_DETAIL}, "form fields"): the same values again;
 *   <li>the evaluations of the rule tables that the application makes itself from its listeners and delegates (vote
 *       thresholds, eligibility, the certificate's validity, {@code RuleTables}): each outcome is in the timeline. The
 *       engine files them under the instance whose task was being completed; those of a business rule task of a model,
 *       and those an administrator makes through the REST API, are kept.
 * </ul>
 */
final class HistoryKept {

  private HistoryKept() {
  }

  static boolean isKept(HistoryEvent event) {
    if (event instanceof HistoricFormPropertyEventEntity) {
      return false;
    }
    return !(event instanceof HistoricDecisionEvaluationEvent) || isEvaluatedByTheModel();
  }

  /** Whether the decision being recorded is the one of the business rule task the instance is at. */
  private static boolean isEvaluatedByTheModel() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (context == null || context.getExecution() == null) {
      return true;
    }
    ActivityImpl activity = context.getExecution().getActivity();
    return activity != null && activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior;
  }

  /** The engine's own writer, less the detail row of each variable change (the variable's history is still kept). */
  static final class Writer extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
