package vn.doanthanhnien.admission.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's default task grants (READ and TASK_WORK to a task's candidate group and assignee), without the
 * HISTORIC_TASK grant it adds beside each of them when historic instance permissions are on. Those rows stayed after
 * the task, one or two per task ever created, and kept a user moved to another unit reading the history of the tasks
 * they did or were offered. The history of a candidacy's tasks is read through the candidacy's own grant on its
 * historic process instance to its five units' groups ({@link CandidacyAuthorizations}), which the engine's history
 * checks accept for a historic task too; administrators read everything. Grants made by older versions are removed
 * once by {@link HistoricTaskGrantsRemoval}.
 */
@Component
public class TaskGrantsWithoutHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      protected boolean isHistoricInstancePermissionsEnabled() {
        // Read by the provider only to decide whether to add the task's historic grant; the engine's own checks
        // read the configuration's setting, which stays on.
        return false;
      }
    });
  }
}
