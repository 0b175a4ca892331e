package uk.cspr.workflow.rapidreview;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * The sign-off task carries two deadlines: the partnership's own and the statutory one (15 working
 * days from the Panel notification). {@code deadlineBreach} records a breach under the task's name;
 * on the statutory timer this listener runs after it and relabels that entry, so the case record
 * and the escalation task say which deadline was missed.
 */
@Component("rapidReviewStatutoryBreach")
class StatutoryDeadlineListener implements ExecutionListener {

  static final String STATUTORY_STEP =
      "Send the rapid review to the Panel within 15 working days of the notification (statutory)";

  @Override
  public void notify(DelegateExecution execution) {
    String taskName = ((BoundaryEvent) execution.getBpmnModelElementInstance()).getAttachedTo().getName();
    DelegateExecution caseScope = execution.getProcessInstance();
    List<String> breached = new ArrayList<>(CaseData.list(caseScope.getVariable(CaseVariables.DEADLINES_BREACHED)));
    int last = breached.lastIndexOf(taskName);
    if (last >= 0) {
      breached.set(last, STATUTORY_STEP);
    } else {
      breached.add(STATUTORY_STEP);
    }
    caseScope.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(breached));
    execution.setVariableLocal(RapidReviewProcess.Vars.BREACHED_STEP, STATUTORY_STEP);
  }
}
