package uk.cspr.workflow.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.cspr.workflow.cases.FormValues;

/**
 * The controlled list of a case's themes (issue 19.1), {@code cspr.learning.*} in application.yaml:
 * each theme a kebab-case code (the internal key, never shown), the label people read and one of
 * four groups — abuse type (Working Together 2023's categories of abuse and neglect), vulnerability,
 * age band and practice theme (the Child Safeguarding Practice Review Panel's recurring practice
 * themes). {@code recurrence-years}: how far back the partnership's earlier cases count as a theme
 * recurring (default 3). Checked at start-up: a mistake stops the application with a message naming
 * the theme, rather than cases being recorded against a broken list.
 */
@ConfigurationProperties("cspr.learning")
public record ThemeTypology(List<Theme> themes, Integer recurrenceYears) {

  /** One theme of the list. */
  public record Theme(String code, String label, String group) {}

  /** The four groups, by their configured code, with the words people read. */
  static final Map<String, String> GROUPS = groups();

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public ThemeTypology {
    themes = themes == null ? List.of() : List.copyOf(themes);
    recurrenceYears = recurrenceYears == null ? 3 : recurrenceYears;
    check(themes, recurrenceYears);
  }

  private static Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("abuse-type", "Abuse type");
    groups.put("vulnerability", "Vulnerability");
    groups.put("age-band", "Age");
    groups.put("practice-theme", "Practice theme");
    return Map.copyOf(groups);
  }

  private static void check(List<Theme> themes, int recurrenceYears) {
    if (themes.isEmpty()) {
      throw new IllegalStateException("cspr.learning.themes: the list of themes is empty; configure at least one theme");
    }
    if (recurrenceYears < 1 || recurrenceYears > 20) {
      throw new IllegalStateException("cspr.learning.recurrence-years must be between 1 and 20, not " + recurrenceYears);
    }
    Set<String> codes = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (Theme theme : themes) {
      String where = "cspr.learning.themes (" + theme.code() + "): ";
      if (theme.code() == null || !CODE.matcher(theme.code()).matches()) {
        throw new IllegalStateException(where + "a code is lower case words joined by hyphens, e.g. domestic-abuse");
      }
      if (!codes.add(theme.code())) {
        throw new IllegalStateException(where + "the code is used twice; each theme needs its own code");
      }
      if (theme.label() == null || theme.label().isBlank()) {
        throw new IllegalStateException(where + "the theme has no label");
      }
      if (!GROUPS.containsKey(theme.group())) {
        throw new IllegalStateException(where + "the group '" + theme.group() + "' is not one of " + GROUPS.keySet());
      }
      if (!labels.add(theme.group() + "/" + theme.label().strip())) {
        throw new IllegalStateException(where + "the label '" + theme.label() + "' is used twice in its group");
      }
    }
  }

  public boolean known(String code) {
    return themes.stream().anyMatch(theme -> theme.code().equals(code));
  }

  /** The start of the recurrence window: the same moment {@code recurrence-years} years ago, in England. */
  public Instant recurrenceSince() {
    return ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).minusYears(recurrenceYears()).toInstant();
  }

  /** The label people read for a code; one no longer configured reads as its words, marked so. */
  public String label(String code) {
    return themes.stream().filter(theme -> theme.code().equals(code)).map(Theme::label).findFirst()
        .orElseGet(() -> Character.toUpperCase(code.charAt(0)) + code.substring(1).replace('-', ' ') + " (no longer on the list)");
  }

  /** Every code with its label, in the configured order. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    themes.forEach(theme -> labels.put(theme.code(), theme.label()));
    return labels;
  }

  /** The options of a form's theme list: the group and the label shown, the code submitted. */
  public List<Map<String, String>> options() {
    List<Map<String, String>> options = new ArrayList<>(); // of types any reader can build, as the form's variable
    for (Theme theme : themes) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", GROUPS.get(theme.group()) + ": " + theme.label());
      option.put("value", theme.code());
      options.add(option);
    }
    return options;
  }
}
