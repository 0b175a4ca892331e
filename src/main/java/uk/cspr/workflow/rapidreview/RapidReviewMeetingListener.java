package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.*;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * "Record the rapid review meeting" (Cambs "Rapid Review Meeting" and "Deciding whether to conduct
 * an Local CSPR"; North Lincs flowchart 2):
 * <ul>
 *   <li>each of the three statutory partners (LA, police, ICB) has a single vote on an LCSPR; the
 *       majority carries the meeting's decision ({@code lcsprAgreed}); {@code partnersAgreeOnLcspr}
 *       is false when the votes differ, and then the disagreement must be recorded (it is sent to
 *       the delegated safeguarding partners);
 *   <li>key lines of enquiry are required when an LCSPR is agreed;
 *   <li>a Home Office (migration, border, citizenship) contribution needs its details;
 *   <li>every criteria input of {@code localReviewCriteria} and {@code nationalReviewCriteria} is
 *       stored as a boolean (an unticked box is false), so the decisions always get all inputs.
 * </ul>
 */
@Component("rapidReviewMeeting")
class RapidReviewMeetingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    Instant heldAt = form.instant(MEETING_HELD_AT);
    if (heldAt.isAfter(ClockUtil.getCurrentTime().toInstant().plusSeconds(300))) {
      throw new InvalidCaseDataException(MEETING_HELD_AT, "cannot be in the future");
    }
    task.setVariable(MEETING_HELD_AT, Date.from(heldAt));

    boolean la = form.bool(LA_LCSPR_VOTE, true);
    boolean police = form.bool(POLICE_LCSPR_VOTE, true);
    boolean icb = form.bool(ICB_LCSPR_VOTE, true);
    boolean agree = la == police && police == icb;
    long yes = Stream.of(la, police, icb).filter(vote -> vote).count();
    boolean lcsprAgreed = yes >= 2;
    String disagreement = form.text(LCSPR_VOTE_DISAGREEMENT, 4000, false);
    if (!agree && disagreement == null) {
      throw new InvalidCaseDataException(LCSPR_VOTE_DISAGREEMENT, "is required when the partners' votes differ");
    }
    String keyLines = form.text(KEY_LINES_OF_ENQUIRY, 4000, false);
    if (lcsprAgreed && keyLines == null) {
      throw new InvalidCaseDataException(KEY_LINES_OF_ENQUIRY, "are required when a local review is agreed");
    }
    boolean homeOffice = form.bool(HOME_OFFICE_CONTRIBUTION_NEEDED, true);
    String homeOfficeDetails = form.text(HOME_OFFICE_CONTRIBUTION_DETAILS, 2000, false);
    if (homeOffice && homeOfficeDetails == null) {
      throw new InvalidCaseDataException(
          HOME_OFFICE_CONTRIBUTION_DETAILS, "is required when a Home Office contribution is needed");
    }

    task.setVariable(LA_LCSPR_VOTE, la);
    task.setVariable(POLICE_LCSPR_VOTE, police);
    task.setVariable(ICB_LCSPR_VOTE, icb);
    task.setVariable(PARTNERS_AGREE_ON_LCSPR, agree);
    task.setVariable(LCSPR_VOTE_DISAGREEMENT, agree ? null : disagreement);
    task.setVariable(LCSPR_AGREED, lcsprAgreed);
    task.setVariable(KEY_LINES_OF_ENQUIRY, keyLines);
    task.setVariable(HOME_OFFICE_CONTRIBUTION_NEEDED, homeOffice);
    task.setVariable(HOME_OFFICE_CONTRIBUTION_DETAILS, homeOffice ? homeOfficeDetails : null);
    task.setVariable(NATIONAL_REVIEW_SUGGESTED, form.bool(NATIONAL_REVIEW_SUGGESTED, true));
    for (String input : CRITERIA_INPUTS) {
      task.setVariable(input, form.bool(input, false));
    }
  }
}
