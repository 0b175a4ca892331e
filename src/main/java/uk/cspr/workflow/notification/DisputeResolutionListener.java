package uk.cspr.workflow.notification;

import static uk.cspr.workflow.notification.NotificationProcess.Vars.AGREED_OUTCOME;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DISPUTE_NOTES;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DISPUTE_RECORD;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DISPUTE_RESOLVED;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.OUTCOME;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.OUTCOME_RATIONALE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * One stage of the local dispute-resolution path (Panel guidance June 2025 para 2.4: SSLs, then the
 * safeguarding partners, then mediation by the independent scrutineer). Every stage is recorded in
 * {@code disputeRecord}; mediation must end in an agreed outcome.
 */
@Component("disputeResolution")
class DisputeResolutionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    boolean mediation = NotificationProcess.Elements.MEDIATE_DISAGREEMENT.equals(task.getTaskDefinitionKey());
    boolean resolved = mediation || form.bool(DISPUTE_RESOLVED, true);
    String notes = form.text(DISPUTE_NOTES, 4000, true);
    Outcome agreed = resolved ? form.code(AGREED_OUTCOME, Outcome.class) : null;
    if (mediation && agreed == null) {
      throw new InvalidCaseDataException(AGREED_OUTCOME, "mediation must record the agreed outcome");
    }

    List<Map<String, Object>> record = new ArrayList<>(CaseData.list(task.getVariable(DISPUTE_RECORD)));
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("stage", ((UserTask) task.getBpmnModelElementInstance()).getName());
    stage.put("resolved", resolved);
    stage.put("agreedOutcome", agreed == null ? null : agreed.name());
    stage.put("notes", notes);
    stage.put("recordedBy", task.getAssignee());
    stage.put("recordedAt", ClockUtil.getCurrentTime().toInstant().toString());
    record.add(stage);

    task.setVariable(DISPUTE_RECORD, CaseData.json(record));
    task.setVariable(DISPUTE_RESOLVED, resolved);
    if (resolved) {
      task.setVariable(OUTCOME, agreed.name());
      task.setVariable(OUTCOME_RATIONALE, notes);
    }
  }
}
