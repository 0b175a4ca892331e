package uk.cspr.workflow.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolationException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.camunda.bpm.engine.AuthorizationException;
import uk.cspr.workflow.cases.FieldMessages;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input to our {@code /api} controllers answers 400 with one JSON shape:
 * {@code {"error":"Invalid parameter","parameter":"date","message":"..."}} ({@code parameter} is
 * left out when no single parameter is to blame). Throw {@link InvalidParameterException} to name
 * the parameter from controller code.
 */
@RestControllerAdvice(basePackages = "uk.cspr.workflow")
class ApiErrors {

  static final String INVALID_PARAMETER = "Invalid parameter";

  /** The 400 body. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApiError(String error, String parameter, String message) {

    static ApiError of(String parameter, String message) {
      return new ApiError(INVALID_PARAMETER, parameter, message);
    }
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError illegalArgument(IllegalArgumentException e) {
    String parameter = e instanceof InvalidParameterException invalid ? invalid.parameter() : null;
    return ApiError.of(parameter, e.getMessage());
  }

  /** Bad case data found by the engine (referral, task form): the field's key and a sentence naming it by its label. */
  @ExceptionHandler(InvalidCaseDataException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError invalidCaseData(InvalidCaseDataException e) {
    return ApiError.of(e.field(), FieldMessages.sentence(e));
  }

  @ExceptionHandler(AuthorizationException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ApiError forbidden(AuthorizationException e) {
    return new ApiError("Forbidden", null, e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError missingParameter(MissingServletRequestParameterException e) {
    return ApiError.of(e.getParameterName(), "Required parameter '" + e.getParameterName() + "' is missing");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String expected =
        type == null ? "value"
            : Temporal.class.isAssignableFrom(type) ? "ISO-8601 " + type.getSimpleName() + " (e.g. 2026-12-24)"
            : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "whole number"
            : type.getSimpleName();
    Throwable cause = e.getMostSpecificCause();
    String detail = cause == e ? "" : ": " + cause.getMessage();
    return ApiError.of(e.getName(), "'" + e.getValue() + "' is not a valid " + expected + detail);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError unreadableBody(HttpMessageNotReadableException e) {
    return ApiError.of("body", "Request body is not readable: " + e.getMostSpecificCause().getMessage());
  }

  /** Spring's built-in method validation (constraints on @RequestParam etc.). */
  @ExceptionHandler(HandlerMethodValidationException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError methodValidation(HandlerMethodValidationException e) {
    return e.getParameterValidationResults().stream()
        .findFirst()
        .map(result -> {
              String parameter = parameterName(result.getMethodParameter());
              String message = parameter + " " + messages(result.getResolvableErrors()) + " (was '" + result.getArgument() + "')";
              return ApiError.of(parameter, message);
            })
        .orElseGet(() -> ApiError.of(null, messages(e.getAllErrors())));
  }

  /** {@code @Valid @RequestBody}: the first field in error. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError bodyValidation(MethodArgumentNotValidException e) {
    var field = e.getBindingResult().getFieldError();
    return field == null
        ? ApiError.of("body", messages(e.getBindingResult().getAllErrors()))
        : ApiError.of(field.getField(), field.getField() + " " + field.getDefaultMessage());
  }

  /** Class-level {@code @Validated} controllers. */
  @ExceptionHandler(ConstraintViolationException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ApiError constraintViolation(ConstraintViolationException e) {
    var violation = e.getConstraintViolations().stream().findFirst();
    if (violation.isEmpty()) {
      return ApiError.of(null, e.getMessage());
    }
    String path = violation.get().getPropertyPath().toString();
    String parameter = path.substring(path.lastIndexOf('.') + 1);
    return ApiError.of(parameter, parameter + " " + violation.get().getMessage());
  }

  private static String parameterName(MethodParameter parameter) {
    RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
    if (requestParam != null && !requestParam.name().isEmpty()) {
      return requestParam.name();
    }
    return parameter.getParameterName();
  }

  private static String messages(List<? extends MessageSourceResolvable> errors) {
    return errors.stream().map(MessageSourceResolvable::getDefaultMessage).collect(Collectors.joining("; "));
  }
}
