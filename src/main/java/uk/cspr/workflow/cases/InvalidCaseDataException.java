package uk.cspr.workflow.cases;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * Bad input on a start form, a task form or our REST API. Extends the engine's {@link
 * NotValidException} so {@code /engine-rest} (and therefore Tasklist) answers 400 with the message,
 * and the engine rolls the whole step back: nothing is half-created.
 */
public class InvalidCaseDataException extends NotValidException {

  private final String field;

  public InvalidCaseDataException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
