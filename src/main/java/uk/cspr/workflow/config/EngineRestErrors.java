package uk.cspr.workflow.config;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * {@code /engine-rest} answers bad input and refused access with a 4xx, like {@link ApiErrors} does
 * for {@code /api}. Camunda's REST resources report some such errors as 500:
 * <ul>
 *   <li>{@code POST /process-definition/key/{key}/start} turns every engine exception into a 500,
 *       although {@code /submit-form} answers the same {@link InvalidCaseDataException} with 400;
 *   <li>a case of another partnership addressed by id (ENGINE-13034, "belongs to no authenticated
 *       tenant") is a plain engine exception, a 500; here it is a 403 like any other refusal.
 * </ul>
 * These mappers, ranked before Camunda's own, handle those two and leave everything else to Camunda.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

  static final String TENANT_REFUSAL = "ENGINE-13034";

  @Override
  public void customize(ResourceConfig config) {
    config.register(new RestErrors(), Priorities.USER - 100);
    config.register(new EngineErrors(), Priorities.USER - 100);
  }

  static final class RestErrors implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return status(exception)
          .map(status -> camunda.toResponse(new RestException(status, exception, exception.getMessage())))
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
    private final RestExceptionHandler rest = new RestExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return status(exception)
          .map(status -> rest.toResponse(new RestException(status, exception, exception.getMessage())))
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** 400 for bad case data, 403 for another partnership's case, anywhere in the cause chain. */
  static Optional<Response.Status> status(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCaseDataException) {
        return Optional.of(Response.Status.BAD_REQUEST);
      }
      if (cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).startsWith(TENANT_REFUSAL)) {
        return Optional.of(Response.Status.FORBIDDEN);
      }
    }
    return Optional.empty();
  }
}
