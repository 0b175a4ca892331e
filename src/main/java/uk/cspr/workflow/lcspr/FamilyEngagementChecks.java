package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;

/**
 * Families: consent before a non-statutory review (SPEC §3.3), the invitation (WT para 34), and the
 * reasons for any non-involvement, which the final report documents (Cambs "Engaging Children and
 * Family Members").
 */
@Component("lcsprFamilyEngagement")
class FamilyEngagementChecks implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    switch (task.getTaskDefinitionKey()) {
      case LcsprProcess.Elements.RECORD_FAMILY_CONSENT ->
          Checks.reasonsIfNot(form, FAMILY_CONSENT, FAMILY_CONSENT_RATIONALE, "when the family does not consent");
      case LcsprProcess.Elements.PLAN_FAMILY_ENGAGEMENT ->
          Checks.reasonsIfNot(form, INVITE_FAMILY, FAMILY_NOT_INVITED_REASONS, "when the family is not invited");
      case LcsprProcess.Elements.RECORD_FAMILY_ENGAGEMENT ->
          Checks.reasonsIfNot(form, FAMILY_PARTICIPATED, FAMILY_NON_INVOLVEMENT_REASONS,
              "when the family did not take part");
      default -> throw new IllegalStateException("No checks for " + task.getTaskDefinitionKey());
    }
  }
}
