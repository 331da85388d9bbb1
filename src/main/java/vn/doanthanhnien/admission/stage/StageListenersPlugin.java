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
import vn.doanthanhnien.admission.process.ProbationProcess;

/**
 * Gives every user task of the pipeline's processes its stage tracking and the server-side check of its deployed form
 * ({@link StageForms}), so that a task an administrator adds in Camunda Modeler is checked as its form declares, and
 * its form's fields as transient variables ({@link TransientFormFields}).
 */
@Component
public class StageListenersPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> PROCESSES = Set.of(PartyAdmissionProcess.KEY, ProbationProcess.KEY);

  private final StageListeners listeners;
  private final StageForms forms;

  /** Lazy: the listeners and forms use engine services, which exist only after this plugin has configured the engine. */
  public StageListenersPlugin(@Lazy StageListeners listeners, @Lazy StageForms forms) {
    this.listeners = listeners;
    this.forms = forms;
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
        task.setTaskFormHandler(new TransientFormFields(task.getTaskFormHandler(), forms));
        activity.addListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
  }
}
