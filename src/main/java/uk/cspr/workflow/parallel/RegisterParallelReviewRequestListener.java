package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.AWARE_OF_INCIDENT_AT;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.PARALLEL_REVIEW_RECORDS;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.TRACKING_REMINDER_CYCLE;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.Partnerships;

/**
 * Start of the interface with parallel reviews (start form, REST or another flow): the case must
 * exist in the same partnership; its reference becomes the business key. The facts are checked when
 * given (bad input rolls the start back with a 400); otherwise the business unit records them in a
 * task. Nothing unvalidated is kept.
 */
@Component("registerParallelReviewRequest")
class RegisterParallelReviewRequestListener implements ExecutionListener {

  static final Pattern CASE_REFERENCE = Pattern.compile("[A-Z]{1,10}-\\d{4}-\\d{4,6}");

  private final Partnerships partnerships;
  private final NotifiedCases cases;
  private final TriggerFactsRecorder recorder;
  private final ParallelReviewProperties properties;

  RegisterParallelReviewRequestListener(
      Partnerships partnerships, NotifiedCases cases, TriggerFactsRecorder recorder, ParallelReviewProperties properties) {
    this.partnerships = partnerships;
    this.cases = cases;
    this.recorder = recorder;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> submitted = execution.getVariables();
    FormValues form = new FormValues(submitted);
    String partnership = partnerships.required(form);
    String caseReference = form.text(CaseVariables.CASE_REFERENCE, 40, true).toUpperCase(java.util.Locale.ROOT);
    if (!CASE_REFERENCE.matcher(caseReference).matches()) {
      throw new InvalidCaseDataException(CaseVariables.CASE_REFERENCE, "must look like NL-2026-0007");
    }
    if (!cases.exists(caseReference, partnership)) {
      throw new InvalidCaseDataException(
          CaseVariables.CASE_REFERENCE, "no case " + caseReference + " in partnership " + partnership);
    }

    Instant now = TriggerFactsRecorder.now().toInstant();
    boolean factsGiven = TriggerFacts.given(submitted);
    Map<String, Object> facts = factsGiven ? TriggerFacts.validate(submitted, now) : Map.of();
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put(CaseVariables.PARTNERSHIP, partnership);
    kept.put(CaseVariables.CASE_REFERENCE, caseReference);
    if (!factsGiven && form.present(AWARE_OF_INCIDENT_AT)) {
      // e.g. from the notification flow: the business unit sees it pre-filled in the facts task
      kept.put(AWARE_OF_INCIDENT_AT, Date.from(TriggerFacts.awareAt(form, now)));
    }
    execution.getVariableNames().stream()
        .filter(name -> !kept.containsKey(name) && !facts.containsKey(name))
        .toList()
        .forEach(execution::removeVariable);
    kept.forEach(execution::setVariable);

    execution.setProcessBusinessKey(caseReference);
    execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(List.of()));
    execution.setVariable(PARALLEL_REVIEW_RECORDS, CaseData.json(List.of()));
    execution.setVariable(TRACKING_REMINDER_CYCLE, properties.trackingReminderCycle());
    if (factsGiven) {
      recorder.record(execution, facts);
    } else {
      recorder.awaitFacts(execution);
    }
  }
}
