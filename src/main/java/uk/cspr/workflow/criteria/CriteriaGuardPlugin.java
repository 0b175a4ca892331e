package uk.cspr.workflow.criteria;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/** Installs {@link CriteriaDeploymentGuard} before the engine's own deployers and makes the engine's DMN engine {@link FeelOnly}. */
@Component
class CriteriaGuardPlugin extends AbstractProcessEnginePlugin {

  private final CriteriaChecks checks;

  CriteriaGuardPlugin(CriteriaChecks checks) {
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers =
        configuration.getCustomPreDeployers() == null ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new CriteriaDeploymentGuard(checks));
    configuration.setCustomPreDeployers(deployers);
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setDmnEngineConfiguration(FeelOnly.restrict(dmn));
  }
}
