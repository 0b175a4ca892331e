package uk.cspr.workflow.tasks;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.config.Partnerships;

/**
 * Every task says for which case, what to do and by when (issues 7 and 14): "NL-2026-0007 · Notify
 * the Panel — due 5 Jan 2027", description "NL-2026-0007 · North Lincolnshire Safeguarding
 * Children Partnership" (the partnership by its configured name, also given to the task for
 * Tasklist's cards). The diagram keeps the plain step name.
 */
@Component
public class TaskLabels implements TaskListener {

  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final String DUE_SUFFIX = " — due ";
  private static final String CASE_SEPARATOR = " · ";

  private final Partnerships partnerships;

  TaskLabels(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  @Override
  public void notify(DelegateTask task) {
    Object reference = task.getVariable(CaseVariables.CASE_REFERENCE);
    if (reference != null) {
      task.setName(reference + CASE_SEPARATOR + task.getName());
      String partnership = (String) task.getVariable(CaseVariables.PARTNERSHIP);
      String name = partnerships.find(partnership).map(Partnerships.Partnership::name).orElse(partnership);
      task.setDescription(reference + CASE_SEPARATOR + name);
      task.setVariableLocal(CaseVariables.PARTNERSHIP_NAME, name); // Tasklist's cards show it (TasklistFilters)
    }
    if (task.getDueDate() != null) {
      task.setName(withDue(task.getName(), task.getDueDate()));
    }
  }

  /** "NL-2026-0012 · Return chronology and agency report: Police — due 12 Feb 2027". */
  public static String withSubject(String name, String subject) {
    int due = name.indexOf(DUE_SUFFIX);
    return due < 0 ? name + ": " + subject : name.substring(0, due) + ": " + subject + name.substring(due);
  }

  /** The task's name with this due date, replacing the one it had (a corrected deadline). */
  public static String withDue(String name, Date due) {
    int suffix = name.lastIndexOf(DUE_SUFFIX);
    String plain = suffix < 0 ? name : name.substring(0, suffix);
    return plain + DUE_SUFFIX + DUE.format(due.toInstant().atZone(FormValues.LONDON));
  }
}
