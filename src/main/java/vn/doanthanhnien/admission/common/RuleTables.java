package vn.doanthanhnien.admission.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the DMN tables that administrators maintain in Modeler (latest deployed version). The application applies
 * the rules for every user, so no user needs a grant on the decision definitions.
 */
@Component
public class RuleTables {

  /** Results per distinct inputs kept for this many sets of inputs of one table at most; then started afresh. */
  private static final int MAX_REMEMBERED = 50_000;

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final EngineAsSystem system;
  /** A DMN engine of its own, without the process engine's history: see {@link #unrecorded}. */
  private final DmnEngine plainEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, Unrecorded> unrecordedByKey = new ConcurrentHashMap<>();

  /** The latest version of one table, parsed, and its results so far. */
  private record Unrecorded(String definitionId, DmnDecision decision,
      Map<Map<String, Object>, DmnDecisionTableResult> results) {
  }

  public RuleTables(DecisionService decisions, RepositoryService repository, EngineAsSystem system) {
    this.decisions = decisions;
    this.repository = repository;
    this.system = system;
  }

  public DmnDecisionTableResult evaluate(String decisionKey, Map<String, Object> inputs) {
    return system.call(() -> decisions.evaluateDecisionTableByKey(decisionKey, inputs));
  }

  /**
   * The latest deployed version of a table, to evaluate for many cases that decide nothing (who will be eligible,
   * for the pool): evaluated as {@link #evaluate} does, but without a row of the engine's decision history per case,
   * which for a bloc's ten thousand members would be ten thousand history rows of nothing decided. The FEEL engine
   * parses every entry at each evaluation (a few hundredths of a millisecond a table since feel-engine 1.19.4, close to
   * a millisecond before: docs/performance.md, change 18), so each distinct set of inputs is evaluated once per deployed
   * version: a bloc's members have a few hundred (age in months, ratings).
   */
  public Function<Map<String, Object>, DmnDecisionTableResult> unrecorded(String decisionKey) {
    DecisionDefinition latest = system.call(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult());
    Unrecorded table = unrecordedByKey.compute(decisionKey, (key, known) ->
        known != null && known.definitionId().equals(latest.getId()) ? known
            : new Unrecorded(latest.getId(), parse(latest), new ConcurrentHashMap<>()));
    return inputs -> {
      if (table.results().size() > MAX_REMEMBERED) {
        table.results().clear();
      }
      return table.results().computeIfAbsent(new HashMap<>(inputs),
          given -> plainEngine.evaluateDecisionTable(table.decision(), Variables.fromMap(given)));
    };
  }

  private DmnDecision parse(DecisionDefinition definition) {
    try (InputStream model = system.call(() -> repository.getDecisionModel(definition.getId()))) {
      return plainEngine.parseDecision(definition.getKey(), model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
