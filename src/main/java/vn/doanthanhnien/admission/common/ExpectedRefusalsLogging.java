package vn.doanthanhnien.admission.common;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * The engine logs every exception that ends a command as ERROR with its stack trace ("ENGINE-16004 Exception while
 * closing command context"), except its own expected ones (a version clash, a bad request, a denied authorization),
 * which it logs at DEBUG ("ENGINE-16002"), and a task claimed by someone else (INFO, with the stack trace). The
 * refusals users meet every day are expected too: a form the rules refuse (400), a denied or unknown candidacy or task
 * (403, 404), a closed candidacy or a claimed task (409). Each is logged once, at INFO, without a stack trace, by the
 * code that refuses it (StageListeners, RegisterCandidacyDelegate, EngineRestConflicts, ApiErrors…), so the engine
 * logs them at DEBUG; anything else stays ERROR with its stack trace. The engine's own switch,
 * {@code enableCmdExceptionLogging}, would silence real failures too.
 */
@Component
public class ExpectedRefusalsLogging extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandContextFactory factory = new CommandContextFactory() {
      @Override
      public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
          @Override
          protected boolean shouldLogInfo(Throwable exception) {
            return false;
          }

          @Override
          protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || isExpectedRefusal(exception);
          }
        };
      }
    };
    // The engine gives the configuration only to the factory it creates itself.
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  /** A refusal a user caused and was told about in Vietnamese, somewhere in the exception or its causes. */
  static boolean isExpectedRefusal(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormFieldValidationException || t instanceof TaskAlreadyClaimedException
          || t instanceof NullValueException || t instanceof InvalidInputException || t instanceof ForbiddenException
          || t instanceof NotFoundException || t instanceof ConflictException) {
        return true;
      }
    }
    return false;
  }
}
