package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.tasks.TaskLabels;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * Chronologies and agency reports (Cambs "Information Collection and Collation"): when the request
 * goes out, the due date from the local timescale {@code lcspr.agencyChronologies}; each agency's
 * task is named after the agency; each return is kept in {@code chronologiesReturned} (the chaser
 * lists the agencies still missing).
 */
@Component("agencyChronology")
class AgencyChronologyListener implements TaskListener, ExecutionListener {

  static final String STEP = "lcspr.agencyChronologies";

  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  AgencyChronologyListener(WorkingDays workingDays, LocalTimescales timescales) {
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  /** End of the request step: the agencies' deadline. */
  @Override
  public void notify(DelegateExecution execution) {
    String partnership = (String) execution.getVariable(CaseVariables.PARTNERSHIP);
    execution.getProcessInstance().setVariable(AGENCY_CHRONOLOGIES_DUE_AT,
        workingDays.deadline(ClockUtil.getCurrentTime(), timescales.workingDays(partnership, STEP)));
  }

  @Override
  public void notify(DelegateTask task) {
    String agency = (String) task.getVariable(AGENCY);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setName(TaskLabels.withSubject(task.getName(), agency));
      return;
    }
    FormValues form = new FormValues(task.getVariables());
    Checks.confirmed(form, CHRONOLOGY_RETURNED, "the chronology and agency report have been returned");
    DelegateExecution instance = task.getExecution().getProcessInstance();
    List<Map<String, Object>> returned = new ArrayList<>(CaseData.list(instance.getVariable(CHRONOLOGIES_RETURNED)));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(AGENCY, agency);
    entry.put("reference", form.text(CHRONOLOGY_REFERENCE, 200, true));
    entry.put("notes", form.text(CHRONOLOGY_NOTES, 4000, false));
    entry.put("returnedAt", ClockUtil.getCurrentTime().toInstant().toString());
    entry.put("returnedBy", Checks.user(task));
    returned.add(entry);
    instance.setVariable(CHRONOLOGIES_RETURNED, CaseData.json(returned));
  }
}
