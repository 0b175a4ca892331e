package uk.cspr.workflow.tasks;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;

/**
 * Every task says what to do, for which case and by when (issue 7): "Notify the Panel — due 5 Jan
 * 2027", description "NL-2026-0007 · north-lincolnshire". The diagram keeps the plain step name.
 */
@Component
public class TaskLabels implements TaskListener {

  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final String DUE_SUFFIX = " — due ";

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      task.setName(withDue(task.getName(), task.getDueDate()));
    }
    Object reference = task.getVariable(CaseVariables.CASE_REFERENCE);
    if (reference != null) {
      task.setDescription(reference + " · " + task.getVariable(CaseVariables.PARTNERSHIP));
    }
  }

  /** The task's name with this due date, replacing the one it had (a corrected deadline). */
  public static String withDue(String name, Date due) {
    int suffix = name.lastIndexOf(DUE_SUFFIX);
    String plain = suffix < 0 ? name : name.substring(0, suffix);
    return plain + DUE_SUFFIX + DUE.format(due.toInstant().atZone(FormValues.LONDON));
  }
}
