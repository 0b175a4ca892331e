package uk.cspr.workflow.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium ({@link Browser}) for a browser test class, against the application on its
 * random port: skipped with the reason where Chromium is not installed, opened before the first
 * test, a screenshot of what it showed when a test fails ({@code target/screenshots/FAILED-<test>}),
 * closed after the last test. Use: {@code @RegisterExtension static final ChromiumSession CHROMIUM
 * = new ChromiumSession();} and {@code CHROMIUM.browser()} in the tests.
 */
public final class ChromiumSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {

  private Browser browser;

  public Browser browser() {
    return browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Assumptions.assumeTrue(Browser.available(), Browser.SKIPPED);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (browser == null) {
      String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
      browser = new Browser("http://localhost:" + port);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (browser != null) {
      browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
