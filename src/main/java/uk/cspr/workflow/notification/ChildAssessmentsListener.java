package uk.cspr.workflow.notification;

import static uk.cspr.workflow.notification.NotificationProcess.Vars.CHILD;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.CHILD_ASSESSMENTS;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DUTIES;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DUTIES_RESULT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.SERIOUS_CASE;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.SERIOUS_CASE_REASON;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.SERIOUS_CASE_RESULT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;

/**
 * After the decisions {@code seriousCaseCriteria} and {@code notificationDuties} ran for one child,
 * folds that child's result into the case: the case is serious if any child's incident is, and its
 * duties are the union over the children (the Panel's form covers up to four children per incident).
 * The bean name is not {@code childAssessments}: a delegate expression resolves a process variable
 * of the same name before a bean (ENGINE-02033 from the second child on).
 */
@Component("childAssessmentListener")
class ChildAssessmentsListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> serious = (Map<String, Object>) execution.getVariableLocal(SERIOUS_CASE_RESULT);
    List<String> duties = CaseData.list(execution.getVariableLocal(DUTIES_RESULT));
    DelegateExecution caseScope = execution.getProcessInstance();

    List<Map<String, Object>> assessments = new ArrayList<>(CaseData.list(caseScope.getVariableLocal(CHILD_ASSESSMENTS)));
    Map<String, Object> assessment = new LinkedHashMap<>();
    assessment.put("child", assessments.size() + 1);
    assessment.put("age", ((Map<?, ?>) execution.getVariable(CHILD)).get("age"));
    assessment.put(SERIOUS_CASE, serious.get(SERIOUS_CASE));
    assessment.put("reason", serious.get("reason"));
    assessment.put(DUTIES, duties);
    assessments.add(assessment);

    Set<String> allDuties = new LinkedHashSet<>();
    List<String> reasons = new ArrayList<>();
    boolean seriousCase = false;
    for (Map<String, Object> each : assessments) {
      allDuties.addAll(CaseData.list(each.get(DUTIES)));
      seriousCase |= Boolean.TRUE.equals(each.get(SERIOUS_CASE));
      reasons.add("Child " + each.get("child") + ": " + each.get("reason"));
    }
    caseScope.setVariableLocal(CHILD_ASSESSMENTS, CaseData.json(assessments));
    caseScope.setVariableLocal(SERIOUS_CASE, seriousCase);
    caseScope.setVariableLocal(SERIOUS_CASE_REASON, String.join("; ", reasons));
    caseScope.setVariableLocal(DUTIES, CaseData.json(new ArrayList<>(allDuties)));
  }
}
