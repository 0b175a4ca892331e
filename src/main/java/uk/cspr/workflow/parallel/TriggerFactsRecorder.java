package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.AWARE_OF_INCIDENT_AT;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.FACTS_RECORDED;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.FACTS_RECORDED_AT;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.YJB_NOTIFICATION_DUE_AT;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * Stores checked facts on the case scope with the deadline that depends on them (SPEC §2: every
 * deadline is a variable): the Youth Justice Board is told within the local timescale
 * {@code parallel.yjbNotification} (1 working day) of the partnership becoming aware.
 */
@Component
class TriggerFactsRecorder {

  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  TriggerFactsRecorder(WorkingDays workingDays, LocalTimescales timescales) {
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  void record(VariableScope caseScope, Map<String, Object> facts) {
    facts.forEach(caseScope::setVariable);
    String partnership = (String) caseScope.getVariable(CaseVariables.PARTNERSHIP);
    int days = timescales.workingDays(partnership, ParallelReviewProcess.YJB_NOTIFICATION_STEP);
    caseScope.setVariable(YJB_NOTIFICATION_DUE_AT, workingDays.deadline(facts.get(AWARE_OF_INCIDENT_AT), days));
    caseScope.setVariable(FACTS_RECORDED, true);
    caseScope.setVariable(FACTS_RECORDED_AT, ClockUtil.getCurrentTime());
  }

  void awaitFacts(VariableScope caseScope) {
    caseScope.setVariable(FACTS_RECORDED, false);
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }
}
