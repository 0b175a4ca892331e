package uk.cspr.workflow.learning;

import static uk.cspr.workflow.learning.LearningVariables.CASE_THEMES;
import static uk.cspr.workflow.learning.LearningVariables.RECURRENT_THEMES;
import static uk.cspr.workflow.learning.LearningVariables.RECURRENT_THEMES_DECISION;
import static uk.cspr.workflow.learning.LearningVariables.RECURRENT_THEMES_OFFERED;
import static uk.cspr.workflow.learning.LearningVariables.THEME_RECURRENCE;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;

/**
 * Recurrence of a case's themes at the rapid review meeting (issue 19.2; Working Together 2023 ch.4
 * para 18: whether the case "highlights or may highlight recurrent themes"). When the meeting's
 * task is created: for each theme recorded when the meeting was scheduled, the partnership's other
 * cases of the last {@code cspr.learning.recurrence-years} whose themes include it — counted, and
 * named only where every candidate group of the task may read those cases — and the criteria input
 * {@code recurrentThemes} pre-filled with the answer this offers (kept apart in
 * {@code recurrentThemesOffered}). When the meeting completes: what was offered, from what, and
 * whether the meeting confirmed or overrode it, for the decision history of the criteria.
 */
@Component("themeRecurrence")
class ThemeRecurrence implements TaskListener {

  /** The flows whose history shows a case; a group must read them all to see the references. */
  private static final List<String> CASE_FLOWS = List.of(NotificationProcess.KEY, RapidReviewProcess.KEY, LcsprProcess.KEY);

  private final ThemeTypology typology;
  private final CaseThemes caseThemes;
  private final AuthorizationService authorizations;

  ThemeRecurrence(ThemeTypology typology, CaseThemes caseThemes, AuthorizationService authorizations) {
    this.typology = typology;
    this.caseThemes = caseThemes;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task);
    } else {
      record(task);
    }
  }

  private void offer(DelegateTask task) {
    List<String> themes = ThemeValues.codes(task.getVariable(CASE_THEMES), typology);
    Map<String, List<String>> earlier = caseThemes.earlierCases(task.getTenantId(), ThemesListener.caseReference(task), themes, typology.recurrenceSince());
    boolean offered = !earlier.isEmpty();
    task.setVariableLocal(THEME_RECURRENCE, text(themes, earlier, candidatesMayReadCases(task)));
    task.setVariable(RECURRENT_THEMES_OFFERED, offered);
    task.setVariable(RECURRENT_THEMES, offered);
  }

  private void record(DelegateTask task) {
    Object offered = task.getVariable(RECURRENT_THEMES_OFFERED);
    if (!(offered instanceof Boolean offer)) {
      return; // a meeting created before recurrence was offered
    }
    boolean answered = new FormValues(task.getVariables()).bool(RECURRENT_THEMES, false);
    task.setVariable(RECURRENT_THEMES_DECISION, decision(offer, String.valueOf(task.getVariable(THEME_RECURRENCE)), answered));
  }

  /** What the meeting reads: each theme with its earlier cases (named, or counted only). */
  String text(List<String> themes, Map<String, List<String>> earlier, boolean named) {
    if (themes.isEmpty()) {
      return "No themes were recorded when the meeting was scheduled, so none could be compared with earlier cases.";
    }
    String years = typology.recurrenceYears() == 1 ? "year" : typology.recurrenceYears() + " years";
    return "Earlier cases of this partnership in the last " + years + " with the same themes: " + themes.stream().map(code -> {
      List<String> cases = earlier.getOrDefault(code, List.of());
      String count = cases.isEmpty() ? "no earlier case" : cases.size() + (cases.size() == 1 ? " earlier case" : " earlier cases");
      return typology.label(code) + ": " + count + (named && !cases.isEmpty() ? " (" + String.join(", ", cases) + ")" : "");
    }).collect(Collectors.joining("; ")) + ".";
  }

  static String decision(boolean offered, String recurrence, boolean answered) {
    return "Recurrent themes was offered as " + (offered ? "Yes" : "No") + " from the recurrence of the case's themes ("
        + recurrence + "), and the meeting answered " + (answered ? "Yes" : "No") + " ("
        + (offered == answered ? "confirmed" : "overridden") + ").";
  }

  /**
   * Whether every candidate group of the task may read the partnership's cases under the case
   * access rules (history of the flows that show a case); a task without candidate groups: no.
   */
  boolean candidatesMayReadCases(DelegateTask task) {
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    return !groups.isEmpty() && groups.stream().allMatch(this::mayReadCases);
  }

  boolean mayReadCases(String group) {
    // the group's own grants, whoever's action created the task
    return CASE_FLOWS.stream().allMatch(flow ->
        authorizations.isUserAuthorized(null, List.of(group), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, flow));
  }
}
