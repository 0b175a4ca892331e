package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.DecisionCase;
import uk.cspr.workflow.criteria.DecisionCases;

/**
 * Decision {@code notificationDuties}: Children Act 2004 s.16C(1), Working Together ch.4 paras
 * 12-13 and 20, WT 2023 ch.5 paras 331-332 (as quoted by Cambridgeshire & Peterborough).
 */
class NotificationDutiesTest {

  private static final String KEY = "notificationDuties";
  private static final List<Boolean> ANSWERS = Arrays.asList(true, false, null);
  private static final List<String> LOCATIONS =
      Arrays.asList("IN_AREA", "OUTSIDE_ENGLAND_NORMALLY_RESIDENT", "ELSEWHERE_IN_ENGLAND", null);
  private static final List<Integer> AGES = Arrays.asList(null, 17, 24, 25);

  static Stream<DecisionCase> cases() {
    return DecisionCases.load(KEY).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void regressionCase(DecisionCase c) {
    DecisionTables.assertCase(KEY, c);
  }

  /** The whole table against its specification, for every combination of answers. */
  @Test
  void everyCombinationYieldsExactlyTheDutiesTheGuidanceGives() {
    for (Boolean serious : ANSWERS) {
      for (String location : LOCATIONS) {
        for (Boolean died : ANSWERS) {
          for (Boolean lookedAfter : ANSWERS) {
            for (Boolean careLeaver : ANSWERS) {
              for (Integer age : AGES) {
                List<Object> duties = duties(serious, location, died, lookedAfter, careLeaver, age);
                assertThat(new HashSet<>(duties)).as("no duplicate duty").hasSameSizeAs(duties);
                assertThat(new HashSet<>(duties))
                    .as("duties for %s %s %s %s %s %s", serious, location, died, lookedAfter, careLeaver, age)
                    .isEqualTo(expected(serious, location, died, lookedAfter, careLeaver, age));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void lookedAfterChildDeathAloneNeedsNoRapidReview() {
    assertThat(duties(false, "IN_AREA", true, true, false, 9))
        .containsExactly("NOTIFY_SECRETARY_OF_STATE_AND_OFSTED");
  }

  @Test
  void careLeaverDeathAloneNeedsNoRapidReview() {
    assertThat(duties(false, "IN_AREA", true, false, true, 20))
        .containsExactly("NOTIFY_OFSTED_AND_DFE_CARE_LEAVER_DEATH");
  }

  /** The specification the table encodes (README "Interpretations"). */
  private static Set<Object> expected(
      Boolean serious, String location, Boolean died, Boolean lookedAfter, Boolean careLeaver, Integer age) {
    Set<Object> duties = new HashSet<>();
    boolean isSerious = Boolean.TRUE.equals(serious);
    if (isSerious && ("IN_AREA".equals(location) || "OUTSIDE_ENGLAND_NORMALLY_RESIDENT".equals(location))) {
      duties.add("NOTIFY_PANEL"); // s.16C(1)(a) and (b)
    }
    if (isSerious) {
      duties.add("REPORT_TO_SAFEGUARDING_PARTNERS"); // WT ch.4 para 12
    }
    if (isSerious && location != null) {
      duties.add("RAPID_REVIEW"); // WT ch.4 para 20; C&P 'Cross Border' for ELSEWHERE_IN_ENGLAND
    }
    if (Boolean.TRUE.equals(died) && Boolean.TRUE.equals(lookedAfter)) {
      duties.add("NOTIFY_SECRETARY_OF_STATE_AND_OFSTED"); // WT ch.4 para 13
    }
    if (Boolean.TRUE.equals(died) && Boolean.TRUE.equals(careLeaver) && (age == null || age <= 24)) {
      duties.add("NOTIFY_OFSTED_AND_DFE_CARE_LEAVER_DEATH"); // WT 2023 ch.5 para 332
    }
    return duties;
  }

  private static List<Object> duties(
      Boolean serious, String location, Boolean died, Boolean lookedAfter, Boolean careLeaver, Integer age) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("seriousCase", serious);
    inputs.put("incidentLocation", location);
    inputs.put("childDied", died);
    inputs.put("lookedAfterChild", lookedAfter);
    inputs.put("careLeaver", careLeaver);
    inputs.put("ageAtDeath", age);
    return DecisionTables.evaluate(KEY, inputs).collectEntries("duty");
  }
}
