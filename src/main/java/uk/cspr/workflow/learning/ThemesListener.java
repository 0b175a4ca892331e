package uk.cspr.workflow.learning;

import static uk.cspr.workflow.learning.LearningVariables.CASE_THEMES;
import static uk.cspr.workflow.learning.LearningVariables.THEME_OPTIONS;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;

/**
 * Records a case's themes (issue 19.1) on the steps whose form has the theme list: scheduling the
 * rapid review meeting (first, from the notification's facts), the meeting (confirmed or changed,
 * at least one) and the LCSPR's final report (at least one; pre-filled with the themes last
 * recorded). On create the form gets its options from the configuration, so the list is
 * configuration, not form JSON; on complete the codes are checked, stored as the case variable and
 * in {@code cspr_case_theme}, replacing what the same review recorded before.
 */
@Component("themes")
class ThemesListener implements TaskListener {

  private final ThemeTypology typology;
  private final CaseThemes caseThemes;

  ThemesListener(ThemeTypology typology, CaseThemes caseThemes) {
    this.typology = typology;
    this.caseThemes = caseThemes;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(THEME_OPTIONS, CaseData.json(typology.options()));
      if (task.getVariable(CASE_THEMES) == null) {
        // also when none is recorded yet: Tasklist submits the list with the type of the variable it pre-filled
        task.setVariable(CASE_THEMES, ThemeValues.json(caseThemes.of(caseReference(task))));
      }
      return;
    }
    List<String> codes = ThemeValues.codes(task.getVariable(CASE_THEMES), typology);
    boolean scheduling = RapidReviewProcess.Elements.SCHEDULE_MEETING.equals(task.getTaskDefinitionKey());
    if (codes.isEmpty() && !scheduling) {
      throw new InvalidCaseDataException(CASE_THEMES, "must have at least one theme ticked: tick every theme that applies to the case");
    }
    task.setVariable(CASE_THEMES, ThemeValues.json(codes));
    CaseThemes.Review review = LcsprProcess.KEY.equals(processKey(task)) ? CaseThemes.Review.LCSPR : CaseThemes.Review.RAPID_REVIEW;
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    caseThemes.replace(caseReference(task), task.getTenantId(), review, codes, ClockUtil.getCurrentTime().toInstant(),
        user == null ? null : user.getUserId());
  }

  static String caseReference(DelegateTask task) {
    Object reference = task.getVariable(CaseVariables.CASE_REFERENCE);
    return reference != null ? reference.toString() : task.getExecution().getProcessBusinessKey();
  }

  /** The key of the task's model: a process definition id is "key:version:id". */
  private static String processKey(DelegateTask task) {
    return task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
  }
}
