package uk.cspr.workflow.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, no download) driving the Camunda
 * webapps: log in, fill Camunda Forms (form-js) by their visible labels, wait, take screenshots
 * into target/screenshots/. Browser tests skip where {@link #available()} is false.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = System.getProperty("cspr.chromium", "/usr/bin/chromium");
  public static final String CHROMEDRIVER = System.getProperty("cspr.chromedriver", "/usr/bin/chromedriver");
  /** Why browser tests are skipped (a constant, for {@code @EnabledIf(disabledReason)}). */
  public static final String SKIPPED = "Browser tests skipped: Chromium and chromedriver not found (/usr/bin/chromium and "
      + "/usr/bin/chromedriver, or -Dcspr.chromium and -Dcspr.chromedriver); apt-get install chromium chromium-driver, as .ci/run does";
  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** form-js applies text input to its state after 300 ms. */
  static final Duration FORM_JS_DEBOUNCE = Duration.ofMillis(600);

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path profile;

  /** Whether Chromium and chromedriver are installed (JUnit {@code @EnabledIf} and assumptions). */
  public static boolean available() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      this.profile = Files.createTempDirectory("cspr-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-GB");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Logs in to a Camunda webapp ("tasklist", "cockpit", "admin") in a fresh session. */
  public void login(String app, String user, String password) {
    driver.manage().deleteAllCookies();
    open("/camunda/app/" + app + "/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    username.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  /** Signs in to Tasklist as {@code user} (password = user id) and opens the Case tab of their group's task of the case. */
  public void openCaseTab(String user, String caseReference) {
    login("tasklist", user, user);
    clickText("My groups' tasks");
    click(By.xpath("//li[contains(@class,'task')][contains(normalize-space(.), " + literal(caseReference) + ")]//h4"));
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Case']"));
  }

  public WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Present in the page, maybe scrolled out of its container (then not "visible" to Selenium). */
  public WebElement waitForPresence(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  /** Whether {@code locator} becomes visible within {@code time}. */
  public boolean appears(By locator, Duration time) {
    try {
      wait.withTimeout(time).until(ExpectedConditions.visibilityOfElementLocated(locator));
      return true;
    } catch (org.openqa.selenium.TimeoutException notYet) {
      return false;
    } finally {
      wait.withTimeout(Duration.ofSeconds(15));
    }
  }

  public void waitForText(String text) {
    wait.until(d -> bodyText().contains(text));
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Clicks the element, found again if the page re-rendered it meanwhile (Tasklist refreshes its task list). */
  public void click(By locator) {
    retrying(() -> {
      scrollTo(waitForPresence(locator)); // Cockpit and Tasklist scroll inside their own containers
      wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    });
  }

  /** Clicks the link or button whose visible text contains {@code text}. */
  public void clickText(String text) {
    click(By.xpath("//*[(self::a or self::button) and contains(normalize-space(.), " + literal(text) + ")]"));
  }

  /** Clicks the link or button in the open dialog whose visible text contains {@code text}. */
  public void clickInDialog(String text) {
    click(By.xpath("//div[contains(@class,'modal-dialog')]//*[(self::a or self::button) and contains(normalize-space(.), "
        + literal(text) + ")]"));
  }

  /** The form-js field whose label starts with {@code label} (required fields end in "*"). */
  public WebElement field(String label) {
    WebElement labelElement = waitFor(By.xpath(
        "//label[contains(@class,'fjs-form-field-label') and starts-with(normalize-space(.), " + literal(label) + ")]"));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** Types into a text field and checks it kept the text (a re-render may swallow keystrokes). */
  public void type(String label, String text) {
    if (text.equals(field(label).getAttribute("value"))) {
      return;
    }
    for (int attempt = 1; attempt <= 3; attempt++) {
      retrying(() -> {
        WebElement input = field(label);
        scrollTo(input);
        if (!input.getAttribute("value").isEmpty()) {
          input.clear();
        }
        input.sendKeys(text);
      });
      try {
        pause(FORM_JS_DEBOUNCE); // a re-render within the debounce would drop the text: let it land
        wait.withTimeout(Duration.ofSeconds(2)).until(d -> text.equals(field(label).getAttribute("value")));
        return;
      } catch (org.openqa.selenium.TimeoutException | StaleElementReferenceException retry) {
        // type again
      } finally {
        wait.withTimeout(Duration.ofSeconds(15));
      }
    }
    throw new IllegalStateException("Field '" + label + "' does not keep '" + text + "'");
  }

  /** Picks an option of a form-js select (a custom dropdown, not a native select). */
  public void select(String label, String option) {
    retrying(() -> {
      WebElement hidden = field(label);
      WebElement display = driver.findElement(By.id(hidden.getAttribute("id") + "-display"));
      if (display.getText().strip().equals(option)) {
        return;
      }
      scrollTo(display);
      display.click();
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=" + literal(option) + "]"));
    });
  }

  public void check(String label) {
    retrying(() -> {
      WebElement box = field(label);
      scrollTo(box);
      if (!box.isSelected()) {
        box.click();
      }
    });
  }

  /** Chooses an option of a form-js radio group by the group's and the option's labels. */
  public void radio(String groupLabel, String option) {
    retrying(() -> radioOnce(groupLabel, option));
  }

  private void radioOnce(String groupLabel, String option) {
    WebElement input = driver.findElement(By.xpath(
        "//div[contains(@class,'fjs-form-field-radio')][.//label[starts-with(normalize-space(.), " + literal(groupLabel) + ")]]"
            + "//label[normalize-space(.)=" + literal(option) + "]/preceding-sibling::input | "
            + "//div[contains(@class,'fjs-form-field-radio')][.//label[starts-with(normalize-space(.), " + literal(groupLabel) + ")]]"
            + "//label[normalize-space(.)=" + literal(option) + "]//input"));
    scrollTo(input);
    input.click();
  }

  /**
   * Types a date into a form-js date picker as people in England write it (dd/mm/yyyy, the Tasklist
   * script scripts/english-dates.js; whatever the browser's language) and leaves the field.
   */
  public void date(String label, LocalDate date) {
    retrying(() -> {
      WebElement input = field(label);
      scrollTo(input);
      typeDate(input, date);
    });
  }

  /** Types a date into a form-js date input and leaves it (which parses it and closes the calendar). */
  public void typeDate(WebElement input, LocalDate date) {
    String typed = FORM_JS_DATE.format(date);
    if (typed.equals(input.getAttribute("value"))) {
      return; // emptying a date form-js holds already would drop it
    }
    input.clear();
    input.sendKeys(typed, Keys.TAB);
  }

  /**
   * Presses Tasklist's Start or Complete button as a user would: it must become enabled. Tasklist
   * 7.24 disables it while form-js reports errors, and form-js 1.8 keeps an empty error entry for
   * every edited field of a dynamic list (bpmn-io/form-js#1494); the Tasklist script
   * scripts/formjs-dynamiclist-fix.js removes those, so a button still disabled here is a bug a
   * user would meet, and fails the test (never pressed through JavaScript).
   */
  public void pressSubmit(By button) {
    pause(FORM_JS_DEBOUNCE); // form-js applies typed text after a debounce: let the last field land
    scrollTo(waitFor(button));
    try {
      wait.withTimeout(Duration.ofSeconds(5)).until(d -> d.findElement(button).isEnabled());
    } catch (org.openqa.selenium.TimeoutException disabled) {
      String label = driver.findElement(button).getText();
      List<String> errors = driver.findElements(By.cssSelector(".fjs-has-errors")).stream().map(WebElement::getText).toList();
      throw new AssertionError(errors.isEmpty()
          ? "Tasklist keeps '" + label + "' disabled although the form shows no error (form-js dynamic list,"
              + " bpmn-io/form-js#1494; Tasklist script formjs-dynamiclist-fix patched: "
              + ((JavascriptExecutor) driver).executeScript("return window.csprFormJsFix && window.csprFormJsFix.patched") + ")"
          : "Tasklist keeps '" + label + "' disabled: the form shows errors " + errors, disabled);
    } finally {
      wait.withTimeout(Duration.ofSeconds(15));
    }
    driver.findElement(button).click();
  }

  /** form-js re-renders fields as values change: an action on a replaced element is simply repeated. */
  private static void retrying(Runnable action) {
    for (int attempt = 1; ; attempt++) {
      try {
        action.run();
        return;
      } catch (StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  /** Saves target/screenshots/{name}.png. */
  public void screenshot(String name) {
    try {
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.createDirectories(target.getParent());
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XPath string literal for any text. */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
