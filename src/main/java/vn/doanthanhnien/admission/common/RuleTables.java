package vn.doanthanhnien.admission.common;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Evaluates the DMN tables that administrators maintain in Modeler (latest deployed version). The application applies
 * the rules for every user, so no user needs a grant on the decision definitions.
 */
@Component
public class RuleTables {

  private final DecisionService decisions;
  private final EngineAsSystem system;

  public RuleTables(DecisionService decisions, EngineAsSystem system) {
    this.decisions = decisions;
    this.system = system;
  }

  public DmnDecisionTableResult evaluate(String decisionKey, Map<String, Object> inputs) {
    return system.call(() -> decisions.evaluateDecisionTableByKey(decisionKey, inputs));
  }
}
