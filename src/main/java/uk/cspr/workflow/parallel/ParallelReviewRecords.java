package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.cspr.workflow.cases.CaseData;

/**
 * The case-level record of the parallel processes ({@code parallelReviewRecords}, a JSON list, one
 * entry per review code): who leads it, how its lead was told, what was agreed per area, its status
 * and the tracking notes. Each step of a review's sub-process updates its entry from that review's
 * local variables, so Cockpit, the forms and the letters see one up-to-date summary.
 */
final class ParallelReviewRecords {

  /** Status of a parallel process in the record. */
  enum Status { IDENTIFIED, LEAD_NOTIFIED, AGREED, TRACKING, PAUSED_FOR_CRIMINAL_PROCEEDINGS, CLOSED }

  static final String NOTES = "notes";
  static final String WORKING = "working";

  private ParallelReviewRecords() {}

  /** Adds an entry per review code (status IDENTIFIED). */
  static void identify(VariableScope caseScope, List<String> reviews, ParallelReviewLeads leads) {
    List<Map<String, Object>> records = new ArrayList<>(CaseData.list(caseScope.getVariable(PARALLEL_REVIEW_RECORDS)));
    for (String review : reviews) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(REVIEW, review);
      entry.put(REVIEW_NAME, leads.name(review));
      entry.put(LEAD_TITLE, leads.title(review));
      entry.put(REVIEW_STATUS, Status.IDENTIFIED.name());
      records.add(entry);
    }
    caseScope.setVariable(PARALLEL_REVIEW_RECORDS, CaseData.json(records));
  }

  /**
   * Updates the entry of the review whose local variables {@code reviewScope} sees; {@code note}
   * (optional) is appended to the entry's notes with the time.
   */
  static void update(VariableScope reviewScope, VariableScope caseScope, Status status, String note) {
    String review = (String) reviewScope.getVariable(REVIEW);
    List<Map<String, Object>> records = new ArrayList<>(CaseData.list(caseScope.getVariable(PARALLEL_REVIEW_RECORDS)));
    Map<String, Object> entry = null;
    for (int i = 0; i < records.size(); i++) {
      if (review.equals(records.get(i).get(REVIEW))) {
        entry = new LinkedHashMap<>(records.get(i));
        records.set(i, entry);
      }
    }
    if (entry == null) {
      entry = new LinkedHashMap<>();
      entry.put(REVIEW, review);
      records.add(entry);
    }
    entry.put(REVIEW_STATUS, status.name());
    entry.put(LEAD_EMAIL, reviewScope.getVariable(LEAD_EMAIL));
    entry.put(LEAD_ADDRESSEE, reviewScope.getVariable(LEAD_ADDRESSEE));
    putDate(entry, YJB_NOTIFIED_AT, reviewScope.getVariable(YJB_NOTIFIED_AT));
    entry.put(YJB_NOTIFICATION_REFERENCE, reviewScope.getVariable(YJB_NOTIFICATION_REFERENCE));
    entry.put(AGREED_WITH, reviewScope.getVariable(AGREED_WITH));
    putDate(entry, AGREED_AT, reviewScope.getVariable(AGREED_AT));
    entry.put(AGREEMENT_NOTES, reviewScope.getVariable(AGREEMENT_NOTES));
    Map<String, Object> working = new LinkedHashMap<>();
    for (String area : ParallelReviewProcess.WORKING_AREAS) {
      Object how = reviewScope.getVariable(area + "Working");
      if (how != null) {
        Map<String, Object> agreed = new LinkedHashMap<>();
        agreed.put(WORKING, how);
        agreed.put(NOTES, reviewScope.getVariable(area + "Notes"));
        working.put(area, agreed);
      }
    }
    entry.put(WORKING, working);
    putDate(entry, CLOSED_AT, reviewScope.getVariable(CLOSED_AT));
    if (note != null) {
      List<Map<String, Object>> notes = new ArrayList<>(CaseData.list(entry.get(NOTES)));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("at", TriggerFactsRecorder.now().toInstant().toString());
      line.put("note", note);
      notes.add(line);
      entry.put(NOTES, notes);
    }
    caseScope.setVariable(PARALLEL_REVIEW_RECORDS, CaseData.json(records));
  }

  /** Dates are kept as ISO-8601 text in the JSON record. */
  private static void putDate(Map<String, Object> entry, String key, Object value) {
    entry.put(key, value instanceof Date date ? date.toInstant().toString() : value);
  }
}
