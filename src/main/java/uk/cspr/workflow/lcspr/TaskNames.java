package uk.cspr.workflow.lcspr;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import uk.cspr.workflow.cases.FormValues;

/**
 * Task names after the task conventions labelled them ("Step — due 5 Jan 2027", see
 * uk.cspr.workflow.tasks.TaskLabels): a subject inserted before the due date, or a new due date.
 */
final class TaskNames {

  static final String DUE_SEPARATOR = " — due ";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  /** "Return chronology and agency report: Police — due 12 Feb 2027". */
  static String withSubject(String name, String subject) {
    int due = name.indexOf(DUE_SEPARATOR);
    return due < 0 ? name + ": " + subject : name.substring(0, due) + ": " + subject + name.substring(due);
  }

  /** The same step with another due date. */
  static String withDue(String name, Date due) {
    int separator = name.indexOf(DUE_SEPARATOR);
    String step = separator < 0 ? name : name.substring(0, separator);
    return step + DUE_SEPARATOR + DUE.format(due.toInstant().atZone(FormValues.LONDON));
  }

  private TaskNames() {}
}
