package uk.cspr.workflow.learning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.lcspr.LcsprProcess;

/**
 * The sections of a 7-minute briefing (Cambridgeshire &amp; Peterborough "Embedding the Learning":
 * a 7-minute briefing among the ways to share a review's learning), first as generated from the
 * case, then as the business unit edited them. Generated only from what the flow recorded in
 * structured form or as learning, never the incident summary, so the draft names no child or
 * family member; the person who shares it checks the text before it goes out.
 */
public final class BriefingContent {

  /** The LCSPR's briefing as edited and shared (process variable). */
  public static final String BRIEFING = "briefing";
  /** Where the briefing was shared (process variable): each with whom, how, when, recorded by whom. */
  public static final String SHARINGS = "briefingSharings";
  public static final String AUDIENCE = "audience";
  public static final String METHOD = "method";
  public static final String SHARED_ON = "sharedOn";
  public static final String RECORDED_BY = "recordedBy";
  /** The case's themes (a list of codes), when the rapid review or the final report recorded them (issue 19.1). */
  static final String THEMES = "caseThemes";

  public static final String BACKGROUND = "briefingBackground";
  public static final String THEMES_SECTION = "briefingThemes";
  public static final String LEARNING = "briefingLearning";
  public static final String RECOMMENDATIONS = "briefingRecommendations";
  public static final String QUESTIONS = "briefingQuestions";
  public static final String WHAT_TO_DO = "briefingWhatToDo";
  public static final String FURTHER_READING = "briefingFurtherReading";
  /** The sections in the briefing's order. */
  public static final List<String> SECTIONS = List.of(BACKGROUND, THEMES_SECTION, LEARNING, RECOMMENDATIONS, QUESTIONS,
      WHAT_TO_DO, FURTHER_READING);
  static final int MAX_SECTION = 4000;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private BriefingContent() {}

  /**
   * The briefing generated from the LCSPR's variables: {@code partnershipName} as configured,
   * {@code labels} the themes' labels by code (a code without one reads as words).
   */
  public static Map<String, String> generated(Map<String, Object> vars, String partnershipName, Map<String, String> labels) {
    Map<String, String> sections = new LinkedHashMap<>();
    boolean statutory = !Boolean.FALSE.equals(vars.get(LcsprProcess.Vars.STATUTORY));
    sections.put(BACKGROUND, partnershipName + " carried out a local child safeguarding practice review"
        + (statutory ? " after a rapid review of a serious child safeguarding incident" : " to learn from a case it chose to review")
        + ". The partners decided to hold the review on " + day(vars.get(LcsprProcess.Vars.LCSPR_DECIDED_AT))
        + (vars.get(LcsprProcess.Vars.PUBLISHED_AT) != null ? " and published its report on " + day(vars.get(LcsprProcess.Vars.PUBLISHED_AT)) : "")
        + ".");
    Object themes = vars.get(THEMES);
    sections.put(THEMES_SECTION, themes instanceof Collection<?> list && !list.isEmpty()
        ? list.stream().map(t -> "• " + labels.getOrDefault(String.valueOf(t), words(String.valueOf(t)))).collect(Collectors.joining("\n"))
        : "");
    sections.put(LEARNING, lines(CaseData.list(vars.get(LcsprProcess.Vars.LEARNING_LOG)),
        entry -> (String) ((Map<?, ?>) entry).get(LcsprProcess.Vars.LEARNING_SUMMARY)));
    sections.put(RECOMMENDATIONS, lines(recommendations(vars), entry -> {
      Map<?, ?> r = (Map<?, ?>) entry;
      return r.get(Recommendations.NUMBER) + ": " + r.get(Recommendations.TEXT) + " (" + r.get(Recommendations.OWNER)
          + ", by " + DAY.format(LocalDate.parse(String.valueOf(r.get(Recommendations.DUE_DATE)))) + ")";
    }));
    sections.put(QUESTIONS, String.join("\n",
        "• How would this family's needs have come to light in our service?",
        "• How do we share information with other agencies, and how do we check it was understood?",
        "• What helps us stay professionally curious and challenge one another?",
        "• What would we do differently tomorrow?"));
    sections.put(WHAT_TO_DO, String.join("\n",
        "• Discuss this briefing in team meetings and supervision.",
        "• Check your practice and your agency's procedures against the recommendations.",
        "• Tell the safeguarding partnership's business unit how your team has used the learning."));
    Object url = vars.get(LcsprProcess.Vars.PUBLICATION_URL);
    sections.put(FURTHER_READING, url == null ? "" : "The published report: " + url);
    return sections;
  }

  /** The briefing as last edited (the stored variable), each section over the generated one. */
  public static Map<String, String> current(Map<String, Object> vars, String partnershipName, Map<String, String> labels,
      ThemeTypology typology) {
    Map<String, String> allLabels = new HashMap<>(labels);
    allLabels.putAll(typology.labels());
    Map<String, String> sections = generated(vars, partnershipName, allLabels);
    if (vars.get(BRIEFING) instanceof Map<?, ?> edited) {
      SECTIONS.forEach(key -> {
        if (edited.containsKey(key)) {
          sections.put(key, edited.get(key) == null ? "" : String.valueOf(edited.get(key)));
        }
      });
    }
    return sections;
  }

  /** A code without a label as words: "information-sharing" → "Information sharing". */
  static String words(String code) {
    String words = code.replace('-', ' ').replace('_', ' ').strip().toLowerCase(Locale.UK);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static List<Object> recommendations(Map<String, Object> vars) {
    Object stored = vars.get(Recommendations.RECOMMENDATIONS);
    return stored instanceof List<?> list ? List.copyOf(list) : List.of();
  }

  private static String lines(List<Object> entries, Function<Object, String> line) {
    return entries.stream().map(line).filter(text -> text != null && !text.isBlank())
        .map(text -> "• " + text).collect(Collectors.joining("\n"));
  }

  static String day(Object date) {
    if (date instanceof Date d) {
      return DAY.format(d.toInstant().atZone(FormValues.LONDON));
    }
    return date == null ? "" : DAY.format(new FormValues(Map.of("d", date)).date("d"));
  }
}
