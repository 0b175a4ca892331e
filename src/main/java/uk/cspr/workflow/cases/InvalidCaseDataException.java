package uk.cspr.workflow.cases;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input on a start form, a task form or our REST API. It is the engine's form validation
 * exception, which {@code /engine-rest} (and therefore Tasklist) answers with 400 and the message
 * when starting a process or completing a task; the engine rolls the whole step back, so nothing
 * is half-created.
 */
public class InvalidCaseDataException extends FormFieldValidationException {

  private final String field;

  public InvalidCaseDataException(String field, String message) {
    super(field, field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
