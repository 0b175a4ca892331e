package uk.cspr.workflow.nonserious;

import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Vars.LEARNING_REVIEW_DUE_ON;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Vars.PARTNERS_DECIDED_AT;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Vars.PARTNERS_RATIONALE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * The partners' decision on a request is made with a rationale (WT 2023 ch.4 para 17: decisions
 * made transparently, the rationale communicated) and its time is kept: a local review counts its
 * six months from it. A commissioned learning review is due in the future.
 */
@Component("nonSeriousDecision")
class NonSeriousDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    if (NonSeriousCaseRequestProcess.Elements.DECIDE_REVIEW.equals(task.getTaskDefinitionKey())) {
      form.code(PARTNERS_DECISION, ReviewDecision.class);
      form.text(PARTNERS_RATIONALE, 4000, true);
      task.setVariable(PARTNERS_DECIDED_AT, ClockUtil.getCurrentTime());
    } else {
      LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).toLocalDate();
      if (form.date(LEARNING_REVIEW_DUE_ON).isBefore(today)) {
        throw new InvalidCaseDataException(LEARNING_REVIEW_DUE_ON, "cannot be in the past");
      }
    }
  }
}
