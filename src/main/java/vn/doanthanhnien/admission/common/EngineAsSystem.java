package vn.doanthanhnien.admission.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the application makes on its own behalf while a user is signed in: evaluating the rule
 * tables, granting a new candidacy to its units, correlating a withdrawal the application has already checked.
 * Authorization checks are off for the call, but the signed-in user stays set, so the user operation log still
 * names them. Inside a running command (a delegate, a listener) the call joins that command's transaction.
 */
@Component
public class EngineAsSystem {

  private final ProcessEngineConfigurationImpl engine;

  public EngineAsSystem(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> action) {
    return engine.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.runWithoutAuthorization(action::get));
  }

  /**
   * The same in a command and a database transaction of its own, committed when it returns, even inside a running
   * command: for an action that may be tried again when it loses a race (a failed attempt leaves nothing behind).
   */
  public <T> T callInNewTransaction(Supplier<T> action) {
    return engine.getCommandExecutorTxRequiresNew()
        .execute(commandContext -> commandContext.runWithoutAuthorization(action::get));
  }

  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
