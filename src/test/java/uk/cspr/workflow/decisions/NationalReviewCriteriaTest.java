package uk.cspr.workflow.decisions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.DecisionCase;
import uk.cspr.workflow.criteria.DecisionCases;

/** Decision {@code nationalReviewCriteria}: Working Together ch.4 para 22. */
class NationalReviewCriteriaTest {

  private static final String KEY = "nationalReviewCriteria";

  static Stream<DecisionCase> cases() {
    return DecisionCases.load(KEY).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void regressionCase(DecisionCase c) {
    DecisionTables.assertCase(KEY, c);
  }

  @Test
  void everyCombinationGivesOneRowMatchingTheStatutoryTest() {
    Map<String, String> criteria = new LinkedHashMap<>();
    criteria.put("improvementsNeeded", "improvements needed");
    criteria.put("legislationOrGuidanceChange", "legislative change");
    criteria.put("recurrentThemes", "recurrent themes");
    Map<String, String> circumstances = new LinkedHashMap<>();
    circumstances.put("educatedOtherwiseThanAtSchool", "educated otherwise than at school");
    circumstances.put("inCareOrOnChildProtectionPlan", "child protection plan");
    circumstances.put("rangeOfAbuseTypes", "range of types of abuse");
    circumstances.put("institutionalSetting", "institutional settings");
    CriteriaTableProperties.checkEveryCombination(KEY, criteria, circumstances);
  }
}
