package uk.cspr.workflow.learning;

/** Variables of a case's themes and their recurrence (issue 19.1, 19.2). */
public final class LearningVariables {

  /** The case's themes: the theme list's key in the forms, a list of theme codes. */
  public static final String CASE_THEMES = "caseThemes";
  /** Task-local: the options of the theme list ({@code valuesKey}), labels and codes from the configuration. */
  public static final String THEME_OPTIONS = "themeOptions";
  /** Task-local: which of the case's themes recurred in the partnership's earlier cases, as the meeting reads it. */
  public static final String THEME_RECURRENCE = "themeRecurrence";
  /** The criteria input "recurrent themes" (SPEC §4), pre-filled with the offered answer. */
  public static final String RECURRENT_THEMES = "recurrentThemes";
  /** The answer offered from the recurrence, kept apart from the meeting's answer. */
  public static final String RECURRENT_THEMES_OFFERED = "recurrentThemesOffered";
  /** What was offered, from what, and what the meeting answered: shown beside the criteria decisions. */
  public static final String RECURRENT_THEMES_DECISION = "recurrentThemesDecision";

  private LearningVariables() {}
}
