package vn.doanthanhnien.admission.report;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;

/**
 * The stages a candidacy can wait at, in the order of the deployed model, with the Vietnamese names Tasklist shows:
 * read from the latest version of party-admission, so a task renamed in Modeler is renamed in the reports too.
 */
@Component
public class PipelineStages {

  public record Stage(String key, String name) {
  }

  private final RepositoryService repository;
  private final EngineAsSystem system;

  public PipelineStages(RepositoryService repository, EngineAsSystem system) {
    this.repository = repository;
    this.system = system;
  }

  /** The user tasks of the model, in the order they appear in it (the order of the pipeline). */
  public List<Stage> userTasks() {
    return model().getModelElementsByType(UserTask.class).stream().map(t -> new Stage(t.getId(), name(t))).toList();
  }

  /** The name of any element a candidacy's stage can name (a user task, the nomination); the key when it has none. */
  public String name(String key) {
    FlowNode node = model().getModelElementById(key) instanceof FlowNode flowNode ? flowNode : null;
    return node == null ? key : name(node);
  }

  private static String name(FlowNode node) {
    return node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName().strip().replaceAll("\\s+", " ");
  }

  /** The engine caches the parsed model; reading it needs no grant of the user's. */
  private BpmnModelInstance model() {
    return system.call(() -> repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
        .processDefinitionKey(PartyAdmissionProcess.KEY).latestVersion().singleResult().getId()));
  }
}
