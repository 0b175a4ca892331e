package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * Commissioning the review: the reviewer meets the Working Together criteria (para 31, Cambs
 * "Appointing the Reviewer"); the terms of reference address race, ethnicity and culture (North
 * Lincs flowchart 3 and "intersectional analysis"), name the agencies asked for chronologies and the
 * CSPR panel's members (Cambs "CSPR Panel"); the partners' endorsement gives reasons when withheld.
 */
@Component("lcsprCommissioning")
class CommissioningChecks implements TaskListener {

  static final int MAX_AGENCIES = 40;
  static final int MAX_PANEL_MEMBERS = 40;

  /** WT para 31 (and Cambs: "a reviewer who is independent of the case"): field and criterion. */
  static final Map<String, String> REVIEWER_CRITERIA = criteria();

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    switch (task.getTaskDefinitionKey()) {
      case LcsprProcess.Elements.COMMISSION_REVIEWER -> commission(form);
      case LcsprProcess.Elements.AGREE_TERMS_OF_REFERENCE -> termsOfReference(task, form);
      case LcsprProcess.Elements.ENDORSE_TERMS_OF_REFERENCE ->
          Checks.reasonsIfNot(form, TERMS_OF_REFERENCE_ENDORSED, TERMS_OF_REFERENCE_COMMENTS,
              "when the terms of reference are not endorsed");
      default -> throw new IllegalStateException("No checks for " + task.getTaskDefinitionKey());
    }
  }

  private static void commission(FormValues form) {
    REVIEWER_CRITERIA.forEach((field, criterion) -> Checks.confirmed(form, field, criterion));
    ReviewerSource source = form.code(REVIEWER_SOURCE, ReviewerSource.class);
    if (source == ReviewerSource.INTERNAL && form.text(INDEPENDENCE_ARRANGEMENTS, 4000, false) == null) {
      throw new InvalidCaseDataException(INDEPENDENCE_ARRANGEMENTS,
          "is required for an internal reviewer: how independent contributions and challenge will be made");
    }
  }

  private static void termsOfReference(DelegateTask task, FormValues form) {
    Checks.confirmed(form, RACE_ETHNICITY_CULTURE_ADDRESSED,
        "the key lines of enquiry address race, ethnicity and culture");
    String enquiry = form.text(RACE_ETHNICITY_CULTURE_ENQUIRY, 4000, false);
    if (enquiry == null) {
      throw new InvalidCaseDataException(RACE_ETHNICITY_CULTURE_ENQUIRY,
          "is required: how the review will consider race, ethnicity and culture");
    }
    if (form.date(REVIEW_PERIOD_FROM).isAfter(form.date(REVIEW_PERIOD_TO))) {
      throw new InvalidCaseDataException(REVIEW_PERIOD_TO, "must not be before the start of the review period");
    }
    task.setVariable(INVOLVED_AGENCIES, CaseData.json(agencies(form)));
    task.setVariable(PANEL_MEMBERS, CaseData.json(panelMembers(form)));
  }

  /** The agencies asked for a chronology: names, trimmed, each once. */
  private static List<String> agencies(FormValues form) {
    Set<String> names = new LinkedHashSet<>();
    List<Map<String, Object>> entries = form.objects(INVOLVED_AGENCIES, 1, MAX_AGENCIES);
    for (int i = 0; i < entries.size(); i++) {
      names.add(entry(entries.get(i), INVOLVED_AGENCIES, i, "agency", 200, true));
    }
    return new ArrayList<>(names);
  }

  private static List<Map<String, Object>> panelMembers(FormValues form) {
    List<Map<String, Object>> members = new ArrayList<>();
    List<Map<String, Object>> entries = form.objects(PANEL_MEMBERS, 1, MAX_PANEL_MEMBERS);
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("name", entry(entries.get(i), PANEL_MEMBERS, i, "name", 200, true));
      member.put("role", entry(entries.get(i), PANEL_MEMBERS, i, "role", 200, true));
      member.put("agency", entry(entries.get(i), PANEL_MEMBERS, i, "agency", 200, true));
      members.add(member);
    }
    return members;
  }

  /** One text field of a list entry, reported as e.g. {@code panelMembers[2].role}. */
  static String entry(Map<String, Object> values, String list, int index, String field, int max, boolean required) {
    try {
      return new FormValues(values).text(field, max, required);
    } catch (InvalidCaseDataException e) {
      throw new InvalidCaseDataException(list + "[" + (index + 1) + "]." + field, e.problem());
    }
  }

  private static Map<String, String> criteria() {
    Map<String, String> criteria = new LinkedHashMap<>();
    criteria.put(REVIEWER_INDEPENDENT, "independent of the case");
    criteria.put(REVIEWER_PROFESSIONAL_KNOWLEDGE,
        "professional knowledge, understanding and practice relevant to local reviews (WT para 31)");
    criteria.put(REVIEWER_UNDERSTANDS_PRACTICE,
        "understands practice from the viewpoint of those involved at the time, not with hindsight (WT para 31)");
    criteria.put(REVIEWER_ANALYSIS_AND_EVIDENCE,
        "knowledge of relevant research; evidence-based analysis and recommendations (WT para 31)");
    criteria.put(REVIEWER_COMMUNICATES, "able to communicate findings effectively (WT para 31)");
    criteria.put(REVIEWER_NO_CONFLICT_OF_INTEREST, "no real or perceived conflict of interest (WT para 31)");
    return Collections.unmodifiableMap(criteria);
  }
}
