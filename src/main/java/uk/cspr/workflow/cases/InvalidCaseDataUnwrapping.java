package uk.cspr.workflow.cases;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps every exception a task listener throws into a plain ProcessEngineException
 * (ENGINE-03051). A form check that refuses bad input throws {@link InvalidCaseDataException}; this
 * outermost command interceptor rethrows it unwrapped once the command's transaction has been rolled
 * back, so Java callers catch it by type and REST resources that map engine exceptions generically
 * answer 400 with the field's message. (Camunda's task-complete and process-start resources answer
 * 500 for anything but a FormFieldValidationException; the message still names the field.)
 */
@Component
class InvalidCaseDataUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrapping());
  }

  static final class Unwrapping extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        InvalidCaseDataException invalid = invalid(e);
        throw invalid != null ? invalid : e;
      }
    }

    private static InvalidCaseDataException invalid(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof InvalidCaseDataException invalid) {
          return invalid;
        }
      }
      return null;
    }
  }
}
