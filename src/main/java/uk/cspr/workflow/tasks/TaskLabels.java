package uk.cspr.workflow.tasks;

import java.time.format.DateTimeFormatter;
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
class TaskLabels implements TaskListener {

  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      task.setName(task.getName() + " — due " + DUE.format(task.getDueDate().toInstant().atZone(FormValues.LONDON)));
    }
    Object reference = task.getVariable(CaseVariables.CASE_REFERENCE);
    if (reference != null) {
      task.setDescription(reference + " · " + task.getVariable(CaseVariables.PARTNERSHIP));
    }
  }
}
