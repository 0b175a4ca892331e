package uk.cspr.workflow.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.config.Partnerships;

/**
 * Models are shared by all partnerships; each case belongs to one partnership, which becomes the
 * tenant of its process instances, tasks and decision history (SPEC §1: users see only their
 * partnership's cases). A user may only start a case for a partnership they belong to.
 */
class PartnershipTenantIdProvider implements TenantIdProvider {

  private final Partnerships partnerships;

  PartnershipTenantIdProvider(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object partnership = ctx.getVariables() == null ? null : ctx.getVariables().get(CaseVariables.PARTNERSHIP);
    String tenantId = partnership instanceof String s ? s : null;
    partnerships.get(tenantId);
    checkMembership(tenantId);
    return tenantId;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    DelegateExecution execution = ctx.getExecution();
    return execution == null ? null : execution.getTenantId();
  }

  private static void checkMembership(String tenantId) {
    CommandContext commandContext = Context.getCommandContext();
    Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return; // engine-internal start (job, test, start-up data)
    }
    boolean admin = authentication.getGroupIds() != null && authentication.getGroupIds().contains(CsprGroups.ADMIN);
    boolean member = authentication.getTenantIds() != null && authentication.getTenantIds().contains(tenantId);
    if (!admin && !member) {
      throw new AuthorizationException(
          "User '" + authentication.getUserId() + "' is not a member of partnership '" + tenantId + "'");
    }
  }
}
