package vn.doanthanhnien.admission.stage;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.form.DeclaredField;
import vn.doanthanhnien.admission.form.DeployedForm;
import vn.doanthanhnien.admission.form.DeployedForms;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.ProbationProcess;

/**
 * Every stage's form as deployed: a user task's name and extension properties from its process definition, its
 * fields from the Camunda Form it refers to ({@code camunda:formRef}), found the way Tasklist finds it (in the same
 * deployment, the latest version, or a given version, as the binding says: {@link DeployedForms}). A deployed definition
 * never changes, so each user task is read once; a form bound as "latest" is looked up again at every submission.
 */
@Component
public class StageForms {

  private final RepositoryService repository;
  private final EngineAsSystem system;
  private final PartyOnlyFields partyOnly;
  private final DeployedForms deployedForms;
  private final Map<String, UserTaskModel> tasks = new ConcurrentHashMap<>();

  public StageForms(RepositoryService repository, EngineAsSystem system, PartyOnlyFields partyOnly,
      DeployedForms deployedForms) {
    this.repository = repository;
    this.deployedForms = deployedForms;
    this.system = system;
    this.partyOnly = partyOnly;
  }

  /** What the model says of one user task; immutable once deployed. */
  private record UserTaskModel(String deploymentId, String title, CamundaFormRefImpl formRef, String checks) {
  }

  /** The form of a user task of a deployed process definition. */
  public StageForm of(String processDefinitionId, String taskKey) {
    UserTaskModel task = tasks.computeIfAbsent(processDefinitionId + "#" + taskKey,
        id -> system.call(() -> read(repository.getProcessDefinition(processDefinitionId), taskKey)));
    DeployedForm form = deployedForms.of(task.formRef(), task.deploymentId());
    form.fields().values().stream().filter(f -> f.flagged(DeclaredField.PARTY_ONLY))
        .forEach(f -> partyOnly.add(f.key()));
    return new StageForm(taskKey, task.title(), form, task.checks());
  }

  /** The form of a task key in the latest version of the pipeline's processes: for what was recorded with it. */
  public Optional<StageForm> latest(String taskKey) {
    return Stream.of(PartyAdmissionProcess.KEY, ProbationProcess.KEY)
        .map(key -> system.call(() -> repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion().withoutTenantId().singleResult()))
        .filter(definition -> definition != null && model(definition).getModelElementById(taskKey) instanceof UserTask)
        .findFirst().map(definition -> of(definition.getId(), taskKey));
  }

  private UserTaskModel read(ProcessDefinition definition, String taskKey) {
    if (!(model(definition).getModelElementById(taskKey) instanceof UserTask task)) {
      throw new IllegalStateException("No user task " + taskKey + " in " + definition.getId());
    }
    if (task.getCamundaFormRef() == null) {
      throw new IllegalStateException("User task " + taskKey + " of " + definition.getId() + " has no Camunda Form "
          + "(camunda:formRef): the server checks a stage by its form");
    }
    CamundaFormRefImpl formRef = new CamundaFormRefImpl(task.getCamundaFormRef(),
        task.getCamundaFormRefBinding() == null ? "latest" : task.getCamundaFormRefBinding());
    if (task.getCamundaFormRefVersion() != null) {
      formRef.setVersion(Integer.valueOf(task.getCamundaFormRefVersion()));
    }
    String title = task.getName() == null ? taskKey : task.getName().strip().replaceAll("\\s+", " ");
    return new UserTaskModel(definition.getDeploymentId(), title, formRef, property(task, StageForm.CHECKS_PROPERTY));
  }

  private BpmnModelInstance model(ProcessDefinition definition) {
    return system.call(() -> repository.getBpmnModelInstance(definition.getId()));
  }

  private static String property(UserTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst().orElse(null);
  }

  /** The names of the fields marked Party-only in any form read so far. */
  public Set<String> partyOnlyKeys() {
    return partyOnly.keys();
  }
}
