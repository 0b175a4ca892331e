package uk.cspr.workflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Fills the Camunda Form open in Tasklist as a person would — typing, ticking, choosing from the
 * dropdown, adding rows to a list — from a form's answers ({@link FormAnswers}). Fields are found
 * by their component id, as form-js 1.8.7 writes it into the DOM ({@code fjs-form-<form>-<id>},
 * {@code _<row>} inside a list, {@code -date}/{@code -time} for date-time parts, {@code -<n>} for
 * the n-th radio option), so changed labels never break a walk. A field the form does not show
 * (a condition hides it) is left alone.
 */
public final class TasklistForm {

  private final Browser browser;
  private final List<Runnable> textChecks = new ArrayList<>();

  public TasklistForm(Browser browser) {
    this.browser = browser;
  }

  /** Fills every field of {@code form} that has an answer and is shown. */
  public void fill(JsonNode form, Map<String, Object> answers) {
    textChecks.clear();
    fill(form.path("components"), answers, "");
    Browser.pause(Browser.FORM_JS_DEBOUNCE);
    textChecks.forEach(Runnable::run);
  }

  @SuppressWarnings("unchecked")
  private void fill(JsonNode components, Map<String, Object> answers, String row) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("group".equals(type)) {
        fill(component.path("components"), answers, row);
      } else if ("dynamiclist".equals(type) && answers.get(component.path("path").asText()) instanceof List<?> rows) {
        for (int index = 0; index < rows.size(); index++) {
          if (index > 0) {
            addRow(component, index);
          }
          fill(component.path("components"), (Map<String, Object>) rows.get(index), row + "_" + index);
        }
      } else if (FormAnswers.isInput(component) && answers.containsKey(component.path("key").asText())) {
        Object answer = answers.get(component.path("key").asText());
        if (answer != null && shown(component, row)) {
          answer(component, row, answer);
        }
      }
    }
  }

  private boolean shown(JsonNode component, String row) {
    String id = component.path("id").asText() + row;
    return !browser.all(By.cssSelector("[id$='-" + id + "'], [id$='-" + id + "-date'], [id$='-" + id + "-0']")).isEmpty();
  }

  private void answer(JsonNode component, String row, Object answer) {
    String id = component.path("id").asText() + row;
    switch (component.path("type").asText()) {
      case "textfield", "textarea", "number" -> type(id, String.valueOf(answer));
      case "checkbox" -> {
        WebElement box = element(id);
        if (box.isSelected() != Boolean.parseBoolean(String.valueOf(answer))) {
          box.click();
        }
      }
      case "radio" -> element(id + "-" + optionIndex(component, answer)).click();
      case "select" -> {
        if (component.has("valuesKey")) { // options from a case variable, labelled "<value>: …" (e.g. "R1: …")
          choose(id, "starts-with(normalize-space(.), " + Browser.literal(answer + ": ") + ")", null);
        } else {
          String label = optionLabel(component, answer);
          choose(id, "normalize-space(.)=" + Browser.literal(label), label);
        }
      }
      case "checklist" -> {
        for (Object value : (List<?>) answer) {
          WebElement box = element(id + "-" + optionIndex(component, value));
          if (!box.isSelected()) {
            box.click();
          }
        }
      }
      case "datetime" -> {
        String value = String.valueOf(answer);
        String subtype = component.path("subtype").asText();
        if ("time".equals(subtype)) {
          typeTime(id + "-time", value);
        } else if ("date".equals(subtype)) {
          browser.typeDate(element(id + "-date"), LocalDate.parse(value));
        } else {
          LocalDateTime at = LocalDateTime.parse(value);
          browser.typeDate(element(id + "-date"), at.toLocalDate());
          typeTime(id + "-time", value.substring(11, 16));
        }
      }
      default -> throw new IllegalArgumentException("cannot fill a " + component.path("type").asText());
    }
  }

  /**
   * Types text over what the field holds (selected and replaced, as a person does: clearing it
   * from outside would not reach form-js); checked once the form has taken it, typed again if a
   * re-render swallowed it.
   */
  private void type(String id, String text) {
    replace(element(id), text);
    textChecks.add(() -> {
      if (!text.equals(element(id).getAttribute("value"))) {
        replace(element(id), text);
        Browser.pause(Browser.FORM_JS_DEBOUNCE);
      }
    });
  }

  private static void replace(WebElement input, CharSequence... keys) {
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(keys);
  }

  private void typeTime(String id, String time) {
    replace(element(id), time, Keys.TAB);
  }

  /**
   * Opens the dropdown of a form-js select (unless focus opened it already) and picks the option
   * the XPath predicate {@code matches}; nothing to do when it shows {@code label} already.
   */
  private void choose(String id, String matches, String label) {
    WebElement display = element(id + "-display");
    if (label != null && label.equals(display.getText().strip())) {
      return;
    }
    By option = By.xpath("//*[substring(@id, string-length(@id) - string-length('-" + id + "-display') + 1) = '-" + id
        + "-display']/ancestor::div[contains(@class,'fjs-input-group')]/following-sibling::div[contains(@class,'fjs-select-anchor')]"
        + "//*[contains(@class,'fjs-dropdownlist-item') and " + matches + "]");
    if (browser.all(option).isEmpty()) {
      display.click();
    }
    browser.click(option);
  }

  private WebElement element(String id) {
    WebElement element = browser.waitForPresence(By.cssSelector("[id$='-" + id + "']"));
    browser.scrollTo(element);
    return element;
  }

  /** Adds row {@code index} to a list with its own "add" button (under the list's first row). */
  private void addRow(JsonNode list, int index) {
    String firstField = list.path("components").path(0).path("id").asText() + "_" + (index - 1);
    WebElement add = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
        "const field = document.querySelector(\"[id$='-\" + arguments[0] + \"']\");"
            + "let node = field; while (node && !(node.querySelector && node.querySelector(':scope > .fjs-repeat-render-footer, "
            + ":scope > * > .fjs-repeat-render-footer'))) { node = node.parentElement; }"
            + "return node && node.querySelector('.fjs-repeat-render-add');", firstField);
    browser.scrollTo(add);
    add.click();
    browser.waitForPresence(By.cssSelector("[id$='-" + list.path("components").path(0).path("id").asText() + "_" + index + "']"));
    Browser.pause(Duration.ofMillis(200));
  }

  private static int optionIndex(JsonNode component, Object value) {
    JsonNode values = component.path("values");
    for (int i = 0; i < values.size(); i++) {
      if (values.path(i).path("value").asText().equals(String.valueOf(value))) {
        return i;
      }
    }
    throw new IllegalArgumentException(component.path("key").asText() + " has no option " + value);
  }

  private static String optionLabel(JsonNode component, Object value) {
    return component.path("values").path(optionIndex(component, value)).path("label").asText();
  }
}
