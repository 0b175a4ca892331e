package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What people read is plain English (issue 14.4): the texts, labels, descriptions and options of
 * every form, the visible text of every letter and e-mail, the steps' names and the reasons the
 * decision tables give carry no raw codes, JSON, partnership (tenant) ids, decision keys, SPEC
 * references, ISO timestamps, nor one partnership's local procedure (a form serves every
 * partnership: it cites Working Together 2023 or says what to do). A partnership's name is allowed
 * only as an option of the partnership field.
 */
class PlainEnglishTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("forms");
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path PROCESSES = Path.of("processes");
  private static final Path DMN = Path.of("dmn");
  /** The partnership field of the start forms: its options are the partnerships by name. */
  private static final String PARTNERSHIP_FIELD = "partnership";

  private static final List<Rule> RULES = List.of(
      new Rule("a SPEC reference", "\\bSPEC\\b|§"),
      new Rule("a raw code", "\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b"),
      new Rule("JSON", "\\[\\s*\"|\\{\\s*\""),
      new Rule("an ISO timestamp", "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"),
      new Rule("one partnership's procedure", "North Lincs|\\bCambs\\b|\\bNEL\\b|\\bDoc \\d+|[Ff]lowchart \\d|Appendix \\d"
          + "|North (?:East )?Lincolnshire|Cambridgeshire|Peterborough|\\bBolton\\b"),
      new Rule("a variable name", "\\$\\{|#\\{"));

  record Rule(String what, Pattern pattern) {
    Rule(String what, String regex) {
      this(what, Pattern.compile(regex));
    }
  }

  @Test
  void formsLettersEmailsStepNamesAndDecisionReasonsArePlainEnglish() throws IOException {
    Set<String> words = forbiddenWords();
    List<String> problems = new ArrayList<>();
    for (Path form : files(FORMS, ".form")) {
      formTexts(JSON.readTree(form.toFile()).path("components"), form.getFileName().toString(), problems, words);
    }
    for (Path template : files(TEMPLATES, ".html")) {
      String where = TEMPLATES.relativize(template).toString();
      visibleText(Files.readString(template)).forEach(text -> check(where, text, words, problems));
    }
    for (Path model : files(PROCESSES, ".bpmn")) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        check(model.getFileName() + " " + task.getId(), task.getName(), words, problems);
      }
    }
    for (Path table : files(DMN, ".dmn")) {
      // the reasons a table gives are shown in forms and letters: quoted sentences of its output entries
      Matcher reason = Pattern.compile("<text>\"([^\"<]* [^\"<]*)\"</text>").matcher(Files.readString(table));
      while (reason.find()) {
        check(table.getFileName().toString(), reason.group(1), words, problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The check can fail: each kind of text reported in issue 14 is named. */
  @Test
  void theReportedTextsAreRefused() throws IOException {
    Set<String> words = forbiddenWords();
    List<String> problems = new ArrayList<>();
    for (String text : List.of("Outcome: NOTIFY_AND_RAPID_REVIEW", "[\"Recommend to the safeguarding partners (Doc 4 part A)\"]",
        "Criteria (decision seriousCaseCriteria)", "Due in 5 days (SPEC §2)", "Each partner votes (Cambs).",
        "North Lincs flowchart 1: within 1 working day", "Partnership north-lincolnshire", "Due 2026-11-28T00:00:00",
        "Due ${rapidReviewDueAt}")) {
      List<String> found = new ArrayList<>();
      check("test", text, words, found);
      assertThat(found).as(text).isNotEmpty();
      problems.addAll(found);
    }
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("a decision key"))
        .anySatisfy(p -> assertThat(p).contains("a partnership id"));
    List<String> none = new ArrayList<>();
    check("test", "Working Together 2023 ch.4 para 12: notify the Panel within 5 working days (due 30 Nov 2026, 11:00).", words, none);
    assertThat(none).isEmpty();
  }

  private static void formTexts(JsonNode components, String form, List<String> problems, Set<String> words) {
    for (JsonNode component : components) {
      String where = form + " " + component.path("id").asText();
      for (String field : List.of("text", "label", "description", "dateLabel", "timeLabel")) {
        if (component.hasNonNull(field)) {
          // {{shown.x}} is replaced by the case's value as text (ShownValues)
          check(where, component.get(field).asText().replaceAll("\\{\\{\\s*shown\\.\\w+\\s*}}", "…"), words, problems);
        }
      }
      if (!PARTNERSHIP_FIELD.equals(component.path("key").asText())) {
        for (JsonNode option : component.path("values")) {
          check(where + " option " + option.path("value").asText(), option.path("label").asText(), words, problems);
        }
      }
      formTexts(component.path("components"), form, problems, words);
    }
  }

  /** The text between a template's tags, its comments left out (nobody reads those). */
  private static List<String> visibleText(String html) {
    String withoutComments = html.replaceAll("(?s)<!--.*?-->", "");
    List<String> texts = new ArrayList<>();
    for (String text : withoutComments.split("<[^>]*>")) {
      if (!text.isBlank()) {
        texts.add(text.strip());
      }
    }
    return texts;
  }

  private static void check(String where, String text, Set<String> words, List<String> problems) {
    if (text == null) {
      return;
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.find()) {
        problems.add(where + ": " + rule.what() + " '" + matcher.group() + "' in \"" + text + "\"");
      }
    }
    for (String word : words) {
      if (Pattern.compile("(?<![\\w-])" + Pattern.quote(word.substring(word.indexOf(':') + 1)) + "(?![\\w-])").matcher(text).find()) {
        problems.add(where + ": " + word.substring(0, word.indexOf(':')) + " '" + word.substring(word.indexOf(':') + 1)
            + "' in \"" + text + "\"");
      }
    }
  }

  /** "a decision key:seriousCaseCriteria", "a partnership id:north-lincolnshire" … */
  private static Set<String> forbiddenWords() throws IOException {
    Set<String> words = new LinkedHashSet<>();
    for (Path table : files(DMN, ".dmn")) {
      Matcher decision = Pattern.compile("<decision id=\"([^\"]+)\"").matcher(Files.readString(table));
      while (decision.find()) {
        words.add("a decision key:" + decision.group(1));
      }
    }
    for (JsonNode component : JSON.readTree(FORMS.resolve("referral.form").toFile()).path("components")) {
      if (PARTNERSHIP_FIELD.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> words.add("a partnership id:" + option.path("value").asText()));
      }
    }
    assertThat(words).as("decision keys and partnership ids").anyMatch(w -> w.startsWith("a partnership id:"));
    return words;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
