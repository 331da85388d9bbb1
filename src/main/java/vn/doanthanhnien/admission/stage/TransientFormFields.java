package vn.doanthanhnien.admission.stage;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The submitted fields of a stage's form live only while the submission is processed: {@link StageListeners} reads
 * them when the task's activity ends, in the same transaction, and carries the stage's result onward in variables of
 * its own ({@link StageRecorder#variableName}). Stored as process variables, every field was an insert and a delete of
 * {@code ACT_RU_VARIABLE} and a row of {@code ACT_HI_VARINST} that nothing read (docs/performance.md, change 7).
 * Everything else a submission carries goes to the engine's own handler unchanged.
 *
 * <p>Kept as process variables as before: a field whose name is already a variable of the instance (a transient
 * variable cannot shadow a stored one) and every field of a task whose activity ends in a later transaction (an
 * asynchronous continuation after the task, which an administrator may add in Camunda Modeler).
 */
final class TransientFormFields implements TaskFormHandler {

  private final TaskFormHandler engineHandler;
  private final StageForms forms;

  TransientFormFields(TaskFormHandler engineHandler, StageForms forms) {
    this.engineHandler = engineHandler;
    this.forms = forms;
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
    ExecutionEntity execution = variableScope instanceof TaskEntity task ? task.getExecution() : null;
    if (execution == null || execution.getActivity() == null || execution.getActivity().isAsyncAfter()) {
      engineHandler.submitFormVariables(properties, variableScope);
      return;
    }
    VariableMap rest = Variables.createVariables();
    rest.putAll(properties);
    TaskEntity task = (TaskEntity) variableScope;
    for (String key : forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).form().keys()) {
      if (properties.containsKey(key) && !execution.hasVariable(key)) {
        execution.setVariableLocal(key, Variables.untypedValue(properties.get(key), true));
        rest.remove(key);
      }
    }
    engineHandler.submitFormVariables(rest, variableScope);
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    return engineHandler.createTaskForm(task);
  }

  @Override
  public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
      ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
    engineHandler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
  }
}
