package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.parallel.ParallelReviewProcess.PausedArea;
import uk.cspr.workflow.parallel.ParallelReviewProcess.TrackingUpdate;
import uk.cspr.workflow.parallel.ParallelReviewRecords.Status;

/**
 * Completing "Track the parallel process until it closes": checks what the conditional fields of the
 * form need (a pause names at least one area and a reason; a closure its date, not in the future),
 * prepares the message variables for the LCSPR ({@code pausedAreas}, {@code pauseReason}) and notes
 * the update in the case record. End listener of the task; a bad value is a 400 and the task stays
 * open. The bean name differs from the variable {@code trackingUpdate}, which would shadow it in
 * expressions.
 */
@Component("recordTrackingUpdate")
class TrackingUpdateListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    FormValues form = new FormValues(execution.getVariables());
    TrackingUpdate update = form.code(TRACKING_UPDATE, TrackingUpdate.class);
    String note = form.text(TRACKING_NOTE, 2000, true);
    Status status = Status.TRACKING;
    switch (update) {
      case PROCEEDINGS_PAUSED -> {
        List<String> areas = new ArrayList<>();
        if (form.bool(PAUSE_FAMILY_ENGAGEMENT, false)) {
          areas.add(PausedArea.FAMILY_ENGAGEMENT.name());
        }
        if (form.bool(PAUSE_PUBLICATION, false)) {
          areas.add(PausedArea.PUBLICATION.name());
        }
        if (areas.isEmpty()) {
          throw new InvalidCaseDataException(PAUSE_FAMILY_ENGAGEMENT, "choose what the criminal proceedings pause");
        }
        execution.setVariable(PAUSED_AREAS, CaseData.json(areas));
        execution.setVariable(PAUSE_REASON, form.text(PAUSE_REASON, 2000, true));
        status = Status.PAUSED_FOR_CRIMINAL_PROCEEDINGS;
      }
      case PROCEEDINGS_CONCLUDED -> {
        // after the event nothing is paused any more; the note says how the proceedings ended
        execution.setVariable(PAUSED_AREAS, CaseData.json(List.of()));
        execution.setVariable(PAUSE_REASON, note);
      }
      case CLOSED -> {
        LocalDate closedAt = form.date(CLOSED_AT);
        if (closedAt.isAfter(TriggerFactsRecorder.now().toInstant().atZone(FormValues.LONDON).toLocalDate())) {
          throw new InvalidCaseDataException(CLOSED_AT, "cannot be in the future");
        }
        execution.setVariable(CLOSED_AT, Date.from(closedAt.atStartOfDay(FormValues.LONDON).toInstant()));
        status = Status.CLOSED;
      }
      case PROGRESS -> {}
    }
    execution.setVariable(REVIEW_STATUS, status.name());
    ParallelReviewRecords.update(
        execution, execution.getProcessInstance(), status, update.name() + ": " + note);
  }
}
