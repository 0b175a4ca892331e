package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * Sign-off by the delegated safeguarding partners (Cambs: "shared with the Delegated Safeguarding
 * Partners for sign off [...] together with their decision and rationale"; North Lincs: "signatures
 * required for final sign off"). The partners' decision on an LCSPR is final and may differ from
 * the meeting's; key lines of enquiry are then required. Stores when it was signed off, the LCSPR
 * decision date (the 6 months of WT para 41 run from it) and the summary sent with the submission.
 */
@Component("rapidReviewSignOff")
class SignOffListener implements TaskListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    boolean lcspr = form.bool(LCSPR_AGREED, true);
    String keyLines = form.text(KEY_LINES_OF_ENQUIRY, 4000, false);
    if (lcspr && keyLines == null) {
      throw new InvalidCaseDataException(KEY_LINES_OF_ENQUIRY, "are required when a local review is agreed");
    }
    String rationale = form.text(LCSPR_DECISION_RATIONALE, 4000, true);
    for (String signatory : new String[] {LA_SIGNED_OFF_BY, POLICE_SIGNED_OFF_BY, ICB_SIGNED_OFF_BY}) {
      task.setVariable(signatory, form.text(signatory, 200, true));
    }
    Date now = ClockUtil.getCurrentTime();
    task.setVariable(LCSPR_AGREED, lcspr);
    task.setVariable(KEY_LINES_OF_ENQUIRY, keyLines);
    task.setVariable(LCSPR_DECISION_RATIONALE, rationale);
    task.setVariable(SIGNED_OFF_AT, now);
    task.setVariable(LCSPR_DECIDED_AT, lcspr ? now : null);
    task.setVariable(SUMMARY, summary(task, lcspr, now));
  }

  /** What the Panel receives, in one paragraph; shown when its answer is recorded. */
  private static String summary(DelegateTask task, boolean lcspr, Date signedOffAt) {
    String day = DAY.format(signedOffAt.toInstant().atZone(FormValues.LONDON));
    boolean national = Boolean.TRUE.equals(task.getVariable(NATIONAL_REVIEW_SUGGESTED));
    return "Rapid review of case " + task.getVariable(uk.cspr.workflow.cases.CaseVariables.CASE_REFERENCE)
        + " signed off by the delegated safeguarding partners on " + day + ". Local decision: "
        + (lcspr ? "a local child safeguarding practice review will be undertaken" : "no local child safeguarding practice review")
        + ". The partners " + (national ? "think" : "do not think")
        + " the case raises issues of national importance that may need a national review.";
  }
}
