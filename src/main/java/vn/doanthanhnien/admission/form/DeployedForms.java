package vn.doanthanhnien.admission.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
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
      if (task.getCamundaFormRef() == null && !isCamundaForm(task.getFormKey())) {
        return Optional.of(DeployedForm.NONE);
      }
      return Optional.of(read(forms.getDeployedTaskForm(taskId)));
    });
  }

  /** The start form of a process definition; {@link DeployedForm#NONE} when it has none. */
  public DeployedForm ofStart(ProcessDefinition definition) {
    return system.call(() -> {
      var start = forms.getStartFormData(definition.getId());
      if (start.getCamundaFormRef() == null && !isCamundaForm(start.getFormKey())) {
        return DeployedForm.NONE;
      }
      return read(forms.getDeployedStartForm(definition.getId()));
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
