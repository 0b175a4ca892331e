package uk.cspr.workflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * {@code /engine-rest} and the webapps find their engine by name ("default") in Camunda's static
 * {@link ProcessEngines} registry, and each Spring test context registers its own engine there
 * under that name. With several cached contexts in one JVM (a test with other properties or
 * profiles), the engine registered last would serve every context's REST calls, against the wrong
 * database. Before each test this puts the engine of the test's own context back. Registered for
 * every Spring test in META-INF/spring.factories.
 */
public class DefaultEngineOfTheTestContext implements TestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
