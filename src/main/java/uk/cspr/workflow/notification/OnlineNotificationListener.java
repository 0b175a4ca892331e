package uk.cspr.workflow.notification;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * The local authority records a submission it made outside this system (the online Child
 * Safeguarding Incident Notification System has no API, SPEC §1): when it was sent and the
 * reference it was given — or, for an incident elsewhere in England, the other authority's. The time must not be in the future; it is stored as a date-time.
 */
@Component("onlineNotification")
class OnlineNotificationListener implements TaskListener {

  /** Task → variable names of the submission time and reference. */
  private static final Map<String, String[]> FIELDS =
      Map.of(
          NotificationProcess.Elements.NOTIFY_PANEL,
          new String[] {NotificationProcess.Vars.PANEL_NOTIFICATION_SENT_AT, NotificationProcess.Vars.PANEL_NOTIFICATION_REFERENCE},
          NotificationProcess.Elements.RECORD_OTHER_AUTHORITY_NOTIFICATION,
          new String[] {NotificationProcess.Vars.PANEL_NOTIFICATION_SENT_AT, NotificationProcess.Vars.PANEL_NOTIFICATION_REFERENCE},
          NotificationProcess.Elements.NOTIFY_SOS_AND_OFSTED,
          new String[] {"secretaryOfStateAndOfstedNotifiedAt", "secretaryOfStateAndOfstedReference"},
          NotificationProcess.Elements.NOTIFY_OFSTED_AND_DFE,
          new String[] {"ofstedAndDfeNotifiedAt", "ofstedAndDfeReference"},
          NotificationProcess.Elements.REPORT_TO_PARTNERS,
          new String[] {"partnersReportedAt", "partnersReportMethod"});

  @Override
  public void notify(DelegateTask task) {
    String[] fields = FIELDS.get(task.getTaskDefinitionKey());
    FormValues form = new FormValues(task.getVariables());
    Instant sentAt = form.instant(fields[0]);
    if (sentAt.isAfter(ClockUtil.getCurrentTime().toInstant().plusSeconds(300))) {
      throw new InvalidCaseDataException(fields[0], "cannot be in the future");
    }
    task.setVariable(fields[0], Date.from(sentAt));
    task.setVariable(fields[1], form.text(fields[1], 200, true));
  }
}
