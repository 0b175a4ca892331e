package uk.cspr.workflow.parallel;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.config.ProcessKeys;

/**
 * Whether a case reference belongs to a case of a partnership: a serious incident notification (or a
 * request for a review of a non-serious case) with that business key in that tenant, running or
 * finished. Looked up without the user's authorizations (the business unit may start this flow for
 * a case whose history it may not read), but always within the one partnership.
 */
@Component
class NotifiedCases {

  private final HistoryService history;

  NotifiedCases(@Lazy HistoryService history) {
    this.history = history;
  }

  boolean exists(String caseReference, String partnership) {
    Callable<Long> count =
        () ->
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, ProcessKeys.NON_SERIOUS_CASE_REQUEST)
                .processInstanceBusinessKey(caseReference)
                .tenantIdIn(partnership)
                .count();
    CommandContext context = Context.getCommandContext();
    try {
      return (context == null ? count.call() : context.runWithoutAuthorization(count)) > 0;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
