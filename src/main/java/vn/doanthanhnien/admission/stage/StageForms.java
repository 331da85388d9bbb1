package vn.doanthanhnien.admission.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.form.DeclaredField;
import vn.doanthanhnien.admission.form.DeployedForm;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.ProbationProcess;

/**
 * Every stage's form as deployed: a user task's name and extension properties from its process definition, its
 * fields from the Camunda Form it refers to ({@code camunda:formRef}), found the way Tasklist finds it (in the same
 * deployment, the latest version, or a given version, as the binding says). A deployed resource never changes, so each
 * definition and form is read once; a form bound as "latest" is looked up again at every submission.
 */
@Component
public class StageForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final EngineAsSystem system;
  private final PartyOnlyFields partyOnly;
  private final Map<String, UserTaskModel> tasks = new ConcurrentHashMap<>();
  private final Map<String, DeployedForm> forms = new ConcurrentHashMap<>();

  public StageForms(RepositoryService repository, EngineAsSystem system, PartyOnlyFields partyOnly) {
    this.repository = repository;
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
    DeployedForm form = system.call(() -> {
      CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(task.formRef(), task.deploymentId())
          .execute(Context.getCommandContext());
      if (definition == null) {
        throw new IllegalStateException("User task " + taskKey + " of " + processDefinitionId + " refers to form "
            + task.formRef().getKey() + ", which is not deployed (binding " + task.formRef().getBinding() + ")");
      }
      return forms.computeIfAbsent(definition.getId(), id -> parse(definition));
    });
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

  private DeployedForm parse(CamundaFormDefinition definition) {
    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      DeployedForm form = DeployedForm.parse(JSON.readTree(in));
      form.fields().values().stream().filter(f -> f.flagged(DeclaredField.PARTY_ONLY))
          .forEach(f -> partyOnly.add(f.key()));
      return form;
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + definition.getResourceName() + " is not readable JSON", e);
    }
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
