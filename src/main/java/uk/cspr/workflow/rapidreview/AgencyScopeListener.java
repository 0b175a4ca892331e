package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.AGENCIES;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.AGENCY_EMAIL;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.AGENCY_NAME;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.SCOPING_PERIOD_MONTHS;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.SCOPING_PERIOD_REASON;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * "Confirm agencies and scope": at least one involved agency, each named once, with an optional
 * contact e-mail; the scoping period between 1 and 24 months (Cambs "Initial Scoping": up to a
 * maximum 24-month period). Stores the list as JSON; one agency report task is created per entry.
 */
@Component("agencyScope")
class AgencyScopeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    List<Map<String, Object>> submitted = form.objects(AGENCIES, 1, RapidReviewProcess.MAX_AGENCIES);
    List<Map<String, Object>> agencies = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < submitted.size(); i++) {
      FormValues agency = new FormValues(submitted.get(i));
      String field = AGENCIES + "[" + (i + 1) + "].";
      String name = agency.present(AGENCY_NAME) ? agency.text(AGENCY_NAME, 200, true) : null;
      if (name == null) {
        throw new InvalidCaseDataException(field + AGENCY_NAME, "is required");
      }
      if (!seen.add(name.toLowerCase(Locale.UK))) {
        throw new InvalidCaseDataException(field + AGENCY_NAME, "'" + name + "' is listed twice");
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(AGENCY_NAME, name);
      entry.put(AGENCY_EMAIL, agency.present(AGENCY_EMAIL) ? email(agency, field) : null);
      agencies.add(entry);
    }
    int months = form.integer(SCOPING_PERIOD_MONTHS, RapidReviewProcess.MIN_SCOPING_MONTHS, RapidReviewProcess.MAX_SCOPING_MONTHS);
    task.setVariable(AGENCIES, CaseData.json(agencies));
    task.setVariable(SCOPING_PERIOD_MONTHS, months);
    task.setVariable(SCOPING_PERIOD_REASON, form.text(SCOPING_PERIOD_REASON, 2000, false));
  }

  private static String email(FormValues agency, String field) {
    try {
      return agency.email(AGENCY_EMAIL);
    } catch (InvalidCaseDataException e) {
      throw new InvalidCaseDataException(field + AGENCY_EMAIL, "must be an e-mail address");
    }
  }
}
