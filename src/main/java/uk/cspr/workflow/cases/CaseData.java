package uk.cspr.workflow.cases;

import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/** Structured case variables (lists, records) are stored as JSON, never Java-serialized. */
public final class CaseData {

  public static ObjectValue json(Object value) {
    return Variables.objectValue(value).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /** A list variable as a list (null → empty). */
  @SuppressWarnings("unchecked")
  public static <T> List<T> list(Object value) {
    return value == null ? List.of() : (List<T>) value;
  }

  private CaseData() {}
}
