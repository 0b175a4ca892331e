package uk.cspr.workflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.config.Partnerships;

/** Installs {@link PartnershipTenantIdProvider} in the engine. */
@Component
class TenantPlugin extends AbstractProcessEnginePlugin {

  private final Partnerships partnerships;

  TenantPlugin(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new PartnershipTenantIdProvider(partnerships));
  }
}
