package vn.doanthanhnien.admission.support;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * The flow nodes of a process model, and those that the instances started since this object was made passed: a test
 * class of one per path checks after its last test that its paths together pass every node. The shared database
 * holds other classes' instances too; only the ones started since count.
 */
public final class FlowNodeCoverage {

  private final HistoryService history;
  private final RepositoryService repository;
  private final String processKey;
  private final Set<String> instancesBefore;

  public FlowNodeCoverage(HistoryService history, RepositoryService repository, String processKey) {
    this.history = history;
    this.repository = repository;
    this.processKey = processKey;
    this.instancesBefore = instanceIds();
  }

  /** Every flow node of the latest version of the model. */
  public Set<String> flowNodes() {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
    return repository.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).collect(Collectors.toSet());
  }

  /** The flow nodes passed by the instances started since this object was made. */
  public Set<String> passed() {
    Set<String> started = instanceIds();
    started.removeAll(instancesBefore);
    return history.createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> started.contains(a.getProcessInstanceId()))
        .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
  }

  private Set<String> instanceIds() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }
}
