package uk.cspr.workflow.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 403, 404 and 422 bodies of the criteria and case-decision endpoints, in the shape of {@code
 * ApiErrors} (which answers their 400s): {@code {"error":..., "message":..., "problems":[...]}}.
 */
@RestControllerAdvice(assignableTypes = {CriteriaController.class, CaseDecisionsController.class})
class CriteriaErrors {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Error(String error, String decisionKey, String message, List<String> problems) {}

  @ExceptionHandler(CriteriaRefusedException.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
  Error refused(CriteriaRefusedException e) {
    return new Error("Decision refused", e.decisionKey(),
        "The edited table was not deployed; the active version stays. Correct these problems:", e.problems());
  }

  /** The engine's own guard ({@link CriteriaDeploymentGuard}) refused the deployment. */
  @ExceptionHandler(NotValidException.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
  Error engineRefused(NotValidException e) {
    return new Error("Decision refused", null, e.getMessage(), List.of(e.getMessage()));
  }

  @ExceptionHandler({CriteriaForbiddenException.class, AuthorizationException.class})
  @ResponseStatus(HttpStatus.FORBIDDEN)
  Error forbidden(RuntimeException e) {
    return new Error("Forbidden", null, e.getMessage(), null);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  Error notFound(NotFoundException e) {
    return new Error("Not found", null, e.getMessage(), null);
  }
}
