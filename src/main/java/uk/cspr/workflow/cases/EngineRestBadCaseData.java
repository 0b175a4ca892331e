package uk.cspr.workflow.cases;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bad case data is a 400 on every {@code /engine-rest} path. Camunda's {@code POST
 * /process-definition/key/{key}/start} reports any engine exception as a 500, although {@code
 * /submit-form} and {@code /task/{id}/complete} answer the same form validation error with 400.
 * This mapper, ranked before Camunda's own, answers 400 when an {@link InvalidCaseDataException}
 * caused the error and leaves every other error to Camunda's handler.
 */
@Component
class EngineRestBadCaseData implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(new BadCaseDataMapper(), Priorities.USER - 100);
  }

  static final class BadCaseDataMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidCaseDataException invalid) {
          return camunda.toResponse(new RestException(Response.Status.BAD_REQUEST, invalid, exception.getMessage()));
        }
      }
      return camunda.toResponse(exception);
    }
  }
}
