package uk.cspr.workflow.cases;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input on a start form, a task form or our REST API. It is the engine's form validation
 * exception, which {@code /engine-rest} (and therefore Tasklist) answers with 400 when starting a
 * process or completing a task; the engine rolls the whole step back, so nothing is half-created.
 *
 * <p>The message ({@code "field: problem"}) is for logs and tests; people read {@link
 * FieldMessages#sentence}, which names the field by its form label.
 */
public class InvalidCaseDataException extends FormFieldValidationException {

  private final String field;
  private final String problem;
  private final String form;

  /**
   * @param field the form field's key, for a list item {@code list[n].key} (n counted from 1)
   * @param problem what is wrong, continuing a sentence that starts with the field's label, e.g.
   *     "cannot be in the future"
   */
  public InvalidCaseDataException(String field, String problem) {
    super(field, field + ": " + problem);
    this.field = field;
    this.problem = problem;
    this.form = FieldMessages.formInContext();
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  /** The id of the form being submitted when the engine refused it (its labels name the field), or null. */
  public String form() {
    return form;
  }
}
