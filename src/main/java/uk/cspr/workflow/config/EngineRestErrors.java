package uk.cspr.workflow.config;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import uk.cspr.workflow.cases.FieldMessages;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * {@code /engine-rest} answers bad input and refused access with a 4xx, like {@link ApiErrors} does
 * for {@code /api}. Camunda's REST resources report some such errors as 500:
 * <ul>
 *   <li>{@code POST /process-definition/key/{key}/start} turns every engine exception into a 500,
 *       although {@code /submit-form} answers the same {@link InvalidCaseDataException} with 400;
 *   <li>a case of another partnership addressed by id (ENGINE-13034, "belongs to no authenticated
 *       tenant") is a plain engine exception, a 500; here it is a 403 like any other refusal;
 *   <li>claiming a task someone else has claimed, deleting a task of a process and a Json value
 *       nested too deep are plain engine exceptions too (see {@link #status}).
 * </ul>
 * These mappers, ranked before Camunda's own, handle those and leave everything else to Camunda.
 * Bad case data answers Camunda's error shape with the sentence a person reads ({@link
 * FieldMessages}) instead of "Cannot instantiate process definition &lt;id&gt;: field: problem",
 * plus the field's key in {@code field}, so Tasklist can show it next to the field.
 *
 * <p>Jersey applies this to every JAX-RS application it starts (META-INF/services): {@code
 * /engine-rest} and the webapps' own engine API under {@code /camunda/api/engine}, which is the
 * one Tasklist and Cockpit call.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class EngineRestErrors implements ForcedAutoDiscoverable {

  static final String TENANT_REFUSAL = "ENGINE-13034";
  private static final String TASK_OF_A_PROCESS = "The task cannot be deleted because is part of a running";

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RestErrors.class)) {
      context.register(new RestErrors(), Priorities.USER - 100);
      context.register(new EngineErrors(), Priorities.USER - 100);
    }
  }

  /** Camunda's error body with the refused field's key. */
  public static final class FieldErrorDto extends ExceptionDto {
    private final String field;

    FieldErrorDto(String message, String field) {
      this.type = InvalidCaseDataException.class.getSimpleName();
      this.message = message;
      this.field = field;
    }

    public String getField() {
      return field;
    }
  }

  static final class RestErrors implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return invalidCaseData(exception)
          .or(() -> status(exception)
              .map(status -> camunda.toResponse(new RestException(status, exception, exception.getMessage()))))
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
    private final RestExceptionHandler rest = new RestExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return invalidCaseData(exception)
          .or(() -> status(exception)
              .map(status -> rest.toResponse(new RestException(status, exception, exception.getMessage()))))
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** 400 with the sentence and the field's key, when bad case data is anywhere in the cause chain. */
  static Optional<Response> invalidCaseData(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCaseDataException invalid) {
        return Optional.of(Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new FieldErrorDto(FieldMessages.sentence(invalid), invalid.field()))
            .build());
      }
    }
    return Optional.empty();
  }

  /**
   * Anywhere in the cause chain: 400 for bad case data or a JSON value the parser refuses (e.g.
   * nested too deep), 403 for another partnership's case, 409 for a task someone else has claimed
   * or a process's task someone tries to delete (the flow ends it).
   */
  static Optional<Response.Status> status(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof InvalidCaseDataException || cause instanceof JacksonException) {
        return Optional.of(Response.Status.BAD_REQUEST);
      }
      if (cause instanceof ProcessEngineException && message.startsWith(TENANT_REFUSAL)) {
        return Optional.of(Response.Status.FORBIDDEN);
      }
      if (cause instanceof TaskAlreadyClaimedException
          || cause instanceof ProcessEngineException && message.startsWith(TASK_OF_A_PROCESS)) {
        return Optional.of(Response.Status.CONFLICT);
      }
    }
    return Optional.empty();
  }
}
