package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.DecisionCase;
import uk.cspr.workflow.criteria.DecisionCases;

/**
 * Decision {@code localTimescales} on a standalone engine: rows per partnership (North
 * Lincolnshire Appendix 1 flowcharts, Cambridgeshire & Peterborough guidance, North East
 * Lincolnshire s.2-3) and defaults. The deployed table behind the {@code localTimescales} bean is
 * tested in {@code uk.cspr.workflow.timescales.LocalTimescalesTest}.
 */
class LocalTimescalesDecisionTest {

  private static final String KEY = "localTimescales";

  /** Step codes other flows use (BPMN expressions); each must have a default row. */
  static final List<String> STEPS =
      List.of(
          "notification.informPartners",
          "notification.sslRecommendation",
          "notification.dspDecision",
          "notification.partnersReport",
          "rapidReview.agencyLetters",
          "rapidReview.agencyReports",
          "rapidReview.agencyReportChaser",
          "rapidReview.meeting",
          "rapidReview.meetingEarliest",
          "rapidReview.chairReport",
          "rapidReview.wellbeingSessions",
          "rapidReview.signOff",
          "rapidReview.panelAnswer",
          "rapidReview.furtherInformation",
          "lcspr.agencyChronologies",
          "lcspr.panelFeedback",
          "nonSerious.sslRecommendation",
          "nonSerious.partnersDecision",
          "parallel.yjbNotification");

  private static final List<String> PARTNERSHIPS =
      List.of("north-east-lincolnshire", "north-lincolnshire", "cambridgeshire-peterborough", "bolton");

  static Stream<DecisionCase> cases() {
    return DecisionCases.load(KEY).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void regressionCase(DecisionCase c) {
    DecisionTables.assertCase(KEY, c);
  }

  @Test
  void everyStepHasADefaultRowAndEveryRowAKnownStep() {
    Set<String> defaultSteps = new LinkedHashSet<>();
    for (Rule rule : DecisionTables.table(KEY).getRules()) {
      String step = unquote(entry(rule, 1));
      assertThat(STEPS).as("step of %s", rule.getId()).contains(step);
      if (entry(rule, 0).equals("-")) {
        defaultSteps.add(step);
      }
    }
    assertThat(defaultSteps).containsExactlyInAnyOrderElementsOf(STEPS);
  }

  /** Hit policy FIRST: a default row placed before a partnership's row would hide it. */
  @Test
  void partnershipRowsComeBeforeDefaultRows() {
    List<Boolean> isDefault = new ArrayList<>();
    DecisionTables.table(KEY).getRules().forEach(rule -> isDefault.add(entry(rule, 0).equals("-")));
    int firstDefault = isDefault.indexOf(true);
    assertThat(isDefault.subList(firstDefault, isDefault.size())).doesNotContain(false);
  }

  /** Each partnership's steps must fit inside the statutory limits and follow one another. */
  @Test
  void everyPartnershipsStepsFitTheStatutoryLimitsInOrder() {
    for (String partnership : PARTNERSHIPS) {
      Map<String, Integer> days = new HashMap<>();
      STEPS.forEach(step -> days.put(step, workingDays(partnership, step)));
      String as = partnership + " " + days;
      // Notification: the DSP decision must leave the local authority its 5 working days (WT ch.4 para 12)
      assertThat(days.get("notification.informPartners")).as(as).isLessThanOrEqualTo(days.get("notification.sslRecommendation"));
      assertThat(days.get("notification.sslRecommendation")).as(as).isLessThanOrEqualTo(days.get("notification.dspDecision"));
      assertThat(days.get("notification.dspDecision")).as(as).isLessThan(5);
      assertThat(days.get("notification.partnersReport")).as(as).isLessThanOrEqualTo(5);
      // Rapid review: letters, reports, meeting, report, sign-off within 15 working days (Panel guidance)
      assertThat(days.get("rapidReview.agencyLetters")).as(as).isLessThan(days.get("rapidReview.agencyReports"));
      assertThat(days.get("rapidReview.agencyReports")).as(as).isLessThan(days.get("rapidReview.meeting"));
      assertThat(days.get("rapidReview.meetingEarliest")).as(as).isLessThanOrEqualTo(days.get("rapidReview.meeting"));
      assertThat(days.get("rapidReview.meeting")).as(as).isLessThan(days.get("rapidReview.chairReport"));
      assertThat(days.get("rapidReview.chairReport")).as(as).isLessThan(days.get("rapidReview.signOff"));
      assertThat(days.get("rapidReview.wellbeingSessions")).as(as).isLessThanOrEqualTo(days.get("rapidReview.signOff"));
      assertThat(days.get("rapidReview.signOff")).as(as).isLessThanOrEqualTo(15);
      assertThat(days.get("parallel.yjbNotification")).as(as).isLessThanOrEqualTo(1);
      assertThat(days.values()).as(as).allMatch(value -> value >= 0);
    }
  }

  @Test
  void unknownStepMatchesNoRow() {
    assertThat(evaluate("bolton", "rapidReview.notAStep").getResultList()).isEmpty();
  }

  private static int workingDays(String partnership, String step) {
    DmnDecisionTableResult result = evaluate(partnership, step);
    return ((Number) result.getFirstResult().getEntry("workingDays")).intValue();
  }

  private static DmnDecisionTableResult evaluate(String partnership, String step) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("partnership", partnership);
    inputs.put("step", step);
    return DecisionTables.evaluate(KEY, inputs);
  }

  private static String entry(Rule rule, int column) {
    return List.copyOf(rule.getInputEntries()).get(column).getText().getTextContent().trim();
  }

  private static String unquote(String text) {
    return text.replaceAll("^\"|\"$", "");
  }
}
