package vn.doanthanhnien.admission.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;

/**
 * Reads the Camunda Form that a task or a start event is bound to, from the deployment the engine resolves it in
 * ({@code camunda:formRef} with its binding). Read on the application's behalf: the caller's own rights are checked by
 * the engine when it acts.
 */
@Component
public class DeployedForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final EngineAsSystem system;
  private final Map<String, DeployedForm> byDefinition = new ConcurrentHashMap<>();

  public DeployedForms(TaskService tasks, FormService forms, RepositoryService repository, EngineAsSystem system) {
    this.tasks = tasks;
    this.forms = forms;
    this.repository = repository;
    this.system = system;
  }

  /** The form of an open task; {@link DeployedForm#NONE} when it has no Camunda Form; empty when no such task. */
  public Optional<DeployedForm> ofTask(String taskId) {
    return system.call(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      if (task.getCamundaFormRef() != null) {
        return Optional.of(of(task.getCamundaFormRef(),
            repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId()));
      }
      return Optional.of(isCamundaForm(task.getFormKey()) ? read(forms.getDeployedTaskForm(taskId)) : DeployedForm.NONE);
    });
  }

  /** The start form of a process definition; {@link DeployedForm#NONE} when it has none. */
  public DeployedForm ofStart(ProcessDefinition definition) {
    return system.call(() -> {
      var start = forms.getStartFormData(definition.getId());
      if (start.getCamundaFormRef() != null) {
        return of(start.getCamundaFormRef(), definition.getDeploymentId());
      }
      return isCamundaForm(start.getFormKey()) ? read(forms.getDeployedStartForm(definition.getId())) : DeployedForm.NONE;
    });
  }

  /**
   * The form a reference of a model deployed in {@code deploymentId} resolves to, as Tasklist resolves it (in the same
   * deployment, its latest or a given version, as the binding says); each deployed form is read once, since a
   * deployed resource never changes.
   */
  public DeployedForm of(CamundaFormRef reference, String deploymentId) {
    return system.call(() -> {
      CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(reference, deploymentId)
          .execute(Context.getCommandContext());
      if (definition == null) {
        throw new IllegalStateException("Form " + reference.getKey() + " (binding " + reference.getBinding()
            + ") is not deployed");
      }
      return byDefinition.computeIfAbsent(definition.getId(), id -> read(
          repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())));
    });
  }

  /** The definition a start by id or by key (latest version, optionally of a tenant) refers to; empty if none. */
  public Optional<ProcessDefinition> definition(String id, String key, String tenantId) {
    return system.call(() -> {
      var query = repository.createProcessDefinitionQuery();
      if (id != null) {
        query.processDefinitionId(id);
      } else {
        query.processDefinitionKey(key).latestVersion();
        if (tenantId == null) {
          query.withoutTenantId();
        } else {
          query.tenantIdIn(tenantId);
        }
      }
      return Optional.ofNullable(query.singleResult());
    });
  }

  private static boolean isCamundaForm(String formKey) {
    return formKey != null && formKey.startsWith("camunda-forms:");
  }

  private static DeployedForm read(InputStream form) {
    try (InputStream in = form) {
      return DeployedForm.parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Deployed form is not readable JSON", e);
    }
  }
}
