package uk.cspr.workflow.config;

/** A request parameter with an unacceptable value; {@link ApiErrors} answers 400 naming it. */
public class InvalidParameterException extends IllegalArgumentException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
