package uk.cspr.workflow.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line per refused engine command. The engine logs every failed command at ERROR with its
 * whole stack trace (ENGINE-16004, ~115 lines), including bad input and refused access, and the
 * raw value in the message could forge log lines. Here the engine's command logging is off and the
 * outermost command logs instead: a client error (bad input, refused, not found, already claimed)
 * as one WARN line, who and which command, its message neutralised; a write conflict at DEBUG as
 * the engine does; anything else at ERROR with the stack trace.
 */
@Component
class RefusalLog extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableCmdExceptionLogging(false);
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Logging(configuration));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Bad input, refused access, something not there or already taken: the caller's to change. */
  static boolean clientError(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
          || cause instanceof AuthorizationException || cause instanceof NotFoundException
          || cause instanceof NotValidException || cause instanceof NullValueException
          || cause instanceof NotAllowedException || cause instanceof TaskAlreadyClaimedException
          || EngineRestErrors.status(cause).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static final class Logging extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Logging(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      boolean outermost = Context.getCommandContext() == null;
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        if (outermost) {
          log(command, failure);
        }
        throw failure;
      }
    }

    private void log(Command<?> command, RuntimeException failure) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      String who = user == null ? "no user" : LogText.neutralised(user.getUserId());
      String what = command.getClass().getSimpleName();
      if (failure instanceof OptimisticLockingException) {
        LOG.debug("Write conflict in {} ({}): {}", what, who, LogText.neutralised(failure.getMessage()));
      } else if (clientError(failure)) {
        LOG.warn("Refused {} for {}: {}", what, who, LogText.neutralised(failure.getMessage()));
      } else {
        LOG.error("{} failed for {}", what, who, failure);
      }
    }
  }
}
