package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements;
import uk.cspr.workflow.tasks.TaskLabels;

/**
 * The per-agency part of the rapid review (one instance per agency of {@code agencies}):
 * <ul>
 *   <li>"Return agency report" (complete): the agency's report is checked and appended to the
 *       case's {@code agencyReports}. Records must be secured or the reason recorded (Cambs
 *       "Securing of Records", NEL §3); the report must have been quality assured (Cambs).
 *   <li>"Chase agency report" (create): named after the agency; (complete): the chase is appended
 *       to {@code agencyReportChases}; proceeding without the report records the gap in {@code
 *       agencyReportGaps} (Cambs: the rapid review report explains gaps in agency involvement).
 * </ul>
 * The form fields are local to the agency's instance, so parallel agencies never overwrite each other.
 */
@Component("agencyReport")
class AgencyReportListener implements TaskListener {

  enum ChaseOutcome {
    CHASED,
    PROCEED_WITHOUT_REPORT
  }

  @Override
  public void notify(DelegateTask task) {
    boolean chase = Elements.CHASE_AGENCY_REPORT.equals(task.getTaskDefinitionKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setName(TaskLabels.withSubject(task.getName(), String.valueOf(task.getVariable(AGENCY_NAME))));
    } else if (chase) {
      recordChase(task);
    } else {
      recordReport(task);
    }
  }

  private static void recordReport(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    boolean secured = form.bool(RECORDS_SECURED, true);
    String notSecuredReason = form.text(RECORDS_NOT_SECURED_REASON, 2000, false);
    if (!secured && notSecuredReason == null) {
      throw new InvalidCaseDataException(RECORDS_NOT_SECURED_REASON, "is required when records have not been secured");
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put(AGENCY_NAME, task.getVariable(AGENCY_NAME));
    report.put(AGENCY_INVOLVEMENT, form.text(AGENCY_INVOLVEMENT, 4000, true));
    report.put(KEY_PRACTICE_EPISODES, form.text(KEY_PRACTICE_EPISODES, 4000, false));
    report.put(AGENCY_LEARNING, form.text(AGENCY_LEARNING, 4000, false));
    report.put(IMMEDIATE_ACTIONS_TAKEN, form.text(IMMEDIATE_ACTIONS_TAKEN, 4000, false));
    report.put(RECORDS_SECURED, secured);
    report.put(RECORDS_NOT_SECURED_REASON, secured ? null : notSecuredReason);
    report.put(QUALITY_ASSURED_BY, form.text(QUALITY_ASSURED_BY, 200, true));
    report.put("returnedBy", task.getAssignee());
    report.put("returnedAt", now());
    append(task.getExecution(), AGENCY_REPORTS, report);
  }

  private static void recordChase(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    ChaseOutcome outcome = form.code(CHASE_OUTCOME, ChaseOutcome.class);
    Map<String, Object> chase = new LinkedHashMap<>();
    chase.put(AGENCY_NAME, task.getVariable(AGENCY_NAME));
    chase.put(CHASE_OUTCOME, outcome.name());
    chase.put(CHASE_NOTE, form.text(CHASE_NOTE, 2000, true));
    chase.put("chasedBy", task.getAssignee());
    chase.put("chasedAt", now());
    append(task.getExecution(), AGENCY_REPORT_CHASES, chase);
    if (outcome == ChaseOutcome.PROCEED_WITHOUT_REPORT) {
      append(task.getExecution(), AGENCY_REPORT_GAPS, task.getVariable(AGENCY_NAME));
    }
  }

  private static void append(DelegateExecution execution, String listVariable, Object entry) {
    DelegateExecution caseScope = execution.getProcessInstance();
    List<Object> list = new ArrayList<>(CaseData.list(caseScope.getVariable(listVariable)));
    list.add(entry);
    caseScope.setVariable(listVariable, CaseData.json(list));
  }

  private static String now() {
    return ClockUtil.getCurrentTime().toInstant().toString();
  }
}
