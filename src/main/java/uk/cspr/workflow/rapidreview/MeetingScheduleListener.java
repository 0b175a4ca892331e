package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.MEETING_AT;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.MEETING_DUE_AT;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.MEETING_EARLIEST_AT;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.MEETING_OUTSIDE_WINDOW_REASON;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.MEETING_WITHIN_WINDOW;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * "Schedule the rapid review meeting": the date must be in the partnership's window (North Lincs:
 * within 6 working days of the decision; Cambs: between 8 and 12 working days). A date outside the
 * window is allowed only with a recorded reason, since the meeting should not be cancelled for it;
 * a date in the past is refused.
 */
@Component("meetingSchedule")
class MeetingScheduleListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    Instant meetingAt = form.instant(MEETING_AT);
    if (meetingAt.isBefore(ClockUtil.getCurrentTime().toInstant().minusSeconds(3600))) {
      throw new InvalidCaseDataException(MEETING_AT, "cannot be in the past");
    }
    Instant earliest = ((Date) task.getVariable(MEETING_EARLIEST_AT)).toInstant();
    Instant latest = ((Date) task.getVariable(MEETING_DUE_AT)).toInstant();
    boolean withinWindow = !meetingAt.isBefore(earliest) && !meetingAt.isAfter(latest);
    String reason = form.text(MEETING_OUTSIDE_WINDOW_REASON, 2000, false);
    if (!withinWindow && reason == null) {
      throw new InvalidCaseDataException(
          MEETING_OUTSIDE_WINDOW_REASON, "is required when the meeting is outside the local window");
    }
    task.setVariable(MEETING_AT, Date.from(meetingAt));
    task.setVariable(MEETING_WITHIN_WINDOW, withinWindow);
    task.setVariable(MEETING_OUTSIDE_WINDOW_REASON, withinWindow ? null : reason);
  }
}
