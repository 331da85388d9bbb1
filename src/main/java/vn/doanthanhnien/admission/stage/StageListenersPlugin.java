package vn.doanthanhnien.admission.stage;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.probation.ProbationProcess;

/**
 * Gives every user task of the pipeline's processes its stage tracking and server-side form check, so that a task an
 * administrator adds in Camunda Modeler cannot be completed unchecked, and its form's fields as transient variables
 * ({@link TransientFormFields}).
 */
@Component
public class StageListenersPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> PROCESSES = Set.of(PartyAdmissionProcess.KEY, ProbationProcess.KEY);

  private final StageListeners listeners;

  /** Lazy: the listeners use engine services, which exist only after this plugin has configured the engine. */
  public StageListenersPlugin(@Lazy StageListeners listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!PROCESSES.contains(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
          return;
        }
        TaskListener created = listeners::taskCreated;
        ExecutionListener ended = listeners::taskActivityEnded;
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
        StageForms.of(activity.getId()).ifPresent(
            form -> task.setTaskFormHandler(new TransientFormFields(task.getTaskFormHandler(), form)));
        activity.addListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
  }
}
