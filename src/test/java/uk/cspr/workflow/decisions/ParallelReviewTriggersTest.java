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
 * Decision {@code parallelReviewTriggers}: Working Together ch.4 para 29, North Lincolnshire
 * Appendix 3 (DHR, MAPPA SCR, SFO, SAR, YJB), Cambridgeshire & Peterborough Appendix 2.
 */
class ParallelReviewTriggersTest {

  private static final String KEY = "parallelReviewTriggers";
  private static final List<Boolean> ANSWERS = Arrays.asList(true, false, null);
  /**
   * One or two offences of each class the table distinguishes (mandatory MAPPA and YJB-listed,
   * mandatory MAPPA but not YJB-listed, PI 10/2011 and YJB-listed, PI 10/2011 only, none, unknown);
   * the regression cases cover the rest. Keeps the sweeps quick on shared build machines.
   */
  private static final List<String> OFFENCES =
      Arrays.asList("MURDER", "ATTEMPTED_RAPE", "GBH_S20", "TERRORISM", "OTHER_SERIOUS", "NONE", null);
  private static final Set<String> MAPPA_MANDATORY_OFFENCES =
      Set.of("MURDER", "ATTEMPTED_MURDER", "MANSLAUGHTER", "RAPE", "ATTEMPTED_RAPE");
  private static final Set<String> PI_10_2011_OTHER = Set.of("GBH_S18", "GBH_S20", "TERRORISM", "OTHER_SERIOUS");
  private static final Set<String> YJB_OFFENCES =
      Set.of("MURDER", "ATTEMPTED_MURDER", "MANSLAUGHTER", "RAPE", "GBH_S18", "GBH_S20", "TERRORISM");

  static Stream<DecisionCase> cases() {
    return DecisionCases.load(KEY).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void regressionCase(DecisionCase c) {
    DecisionTables.assertCase(KEY, c);
  }

  /** MAPPA Guidance (NL Appendix 3): mandatory and discretionary never together, never twice. */
  @Test
  void mappaReviewsFollowTheGuidanceForEveryLevelWindowAndOffence() {
    for (Integer level : Arrays.asList(null, 0, 1, 2, 3)) {
      for (Integer days : Arrays.asList(null, 28, 29)) {
        for (String offence : OFFENCES) {
          for (Boolean publicInterest : ANSWERS) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("mappaLevel", level);
            inputs.put("daysSinceMappaManagementEnded", days);
            inputs.put("offenceCategory", offence);
            inputs.put("mappaPublicInterest", publicInterest);
            List<Object> reviews = reviews(inputs);
            assertThat(new HashSet<>(reviews)).as("duplicates for %s", inputs).hasSameSizeAs(reviews);
            boolean mappa = level != null && level >= 1;
            boolean level2or3 = level != null && level >= 2;
            boolean inWindow = days == null || days <= 28;
            boolean mandatory = level2or3 && inWindow && isIn(offence, MAPPA_MANDATORY_OFFENCES);
            boolean discretionary =
                !mandatory
                    && mappa
                    && (isIn(offence, MAPPA_MANDATORY_OFFENCES)
                        || isIn(offence, PI_10_2011_OTHER)
                        || ((offence == null || offence.equals("NONE")) && Boolean.TRUE.equals(publicInterest)));
            assertThat(reviews.contains("MAPPA_SCR_MANDATORY")).as("mandatory for %s", inputs).isEqualTo(mandatory);
            assertThat(reviews.contains("MAPPA_SCR_DISCRETIONARY")).as("discretionary for %s", inputs).isEqualTo(discretionary);
          }
        }
      }
    }
  }

  /** YJB serious incidents SOP (NL Appendix 3): one notification however many routes apply. */
  @Test
  void youthJusticeSeriousIncidentAppearsOnceWhenAnyRouteApplies() {
    for (Boolean charged : ANSWERS) {
      for (Boolean died : ANSWERS) {
        for (Boolean onCaseload : ANSWERS) {
          for (Integer days : Arrays.asList(null, 20, 21)) {
            for (String offence : OFFENCES) {
              Map<String, Object> inputs = new HashMap<>();
              inputs.put("childCharged", charged);
              inputs.put("victimDied", died);
              inputs.put("childOnYouthJusticeCaseload", onCaseload);
              inputs.put("daysSinceYouthJusticeSupervisionEnded", days);
              inputs.put("offenceCategory", offence);
              List<Object> reviews = reviews(inputs);
              boolean expected =
                  (Boolean.TRUE.equals(charged) && isIn(offence, YJB_OFFENCES))
                      || (Boolean.TRUE.equals(died)
                          && (Boolean.TRUE.equals(onCaseload) || (days != null && days <= 20)));
              assertThat(reviews.stream().filter("YOUTH_JUSTICE_SERIOUS_INCIDENT"::equals).count())
                  .as("youth justice for %s", inputs)
                  .isEqualTo(expected ? 1 : 0);
            }
          }
        }
      }
    }
  }

  /** Domestic Violence, Crime and Victims Act 2004 s.9(3): aged 16+, relative, partner or household. */
  @Test
  void domesticHomicideReviewNeedsADeathAtSixteenOrOverBySomeoneClose() {
    for (Boolean died : ANSWERS) {
      for (Integer age : Arrays.asList(null, 15, 16, 40)) {
        for (String relationship :
            Arrays.asList("RELATIVE", "INTIMATE_PARTNER", "HOUSEHOLD_MEMBER", "OTHER", "UNKNOWN", null)) {
          Map<String, Object> inputs = new HashMap<>();
          inputs.put("victimDied", died);
          inputs.put("victimAge", age);
          inputs.put("perpetratorRelationship", relationship);
          boolean expected =
              Boolean.TRUE.equals(died)
                  && age != null
                  && age >= 16
                  && isIn(relationship, Set.of("RELATIVE", "INTIMATE_PARTNER", "HOUSEHOLD_MEMBER"));
          assertThat(reviews(inputs).contains("DOMESTIC_HOMICIDE_REVIEW")).as("DHR for %s", inputs).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void coronerIsNamedOnceWhenADeathInDetentionIsAlsoUnexplained() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("victimDied", true);
    inputs.put("victimAge", 17);
    inputs.put("unexpectedOrUnexplainedDeath", true);
    inputs.put("diedInStateDetention", true);
    assertThat(reviews(inputs)).containsExactlyInAnyOrder("CORONER_INQUEST", "CHILD_DEATH_REVIEW");
  }

  private static boolean isIn(String value, Set<String> values) {
    return value != null && values.contains(value);
  }

  private static List<Object> reviews(Map<String, Object> inputs) {
    return DecisionTables.evaluate(KEY, inputs).collectEntries("review");
  }
}
