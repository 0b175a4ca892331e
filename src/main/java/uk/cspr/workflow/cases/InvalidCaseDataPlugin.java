package uk.cspr.workflow.cases;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps exceptions thrown by task listeners in a generic ProcessEngineException (a 500
 * on {@code /engine-rest}). This outermost command interceptor re-throws the {@link
 * InvalidCaseDataException} inside, after the rollback, so every caller — Tasklist, REST, Java —
 * sees the 400 and the field it names.
 */
@Component
class InvalidCaseDataPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(0, new Unwrapping());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof InvalidCaseDataException invalid) {
            throw invalid;
          }
        }
        throw e;
      }
    }
  }
}
