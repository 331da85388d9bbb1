package vn.doanthanhnien.admission.operations;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;

/**
 * {@code models} in {@code /actuator/info}: the latest deployed version of every process and decision, by key, so an
 * operator sees which models a node runs after a deployment from Modeler or a release.
 */
@Component
public class ModelVersions implements InfoContributor {

  private final RepositoryService repository;
  private final EngineAsSystem system;

  public ModelVersions(RepositoryService repository, EngineAsSystem system) {
    this.repository = repository;
    this.system = system;
  }

  @Override
  public void contribute(Info.Builder builder) {
    builder.withDetail("models", system.call(() -> Map.of(
        "processes", processes(),
        "decisions", decisions())));
  }

  private Map<String, Integer> processes() {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    return versions;
  }

  private Map<String, Integer> decisions() {
    Map<String, Integer> versions = new TreeMap<>();
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    return versions;
  }
}
