package uk.cspr.workflow.decisions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.DecisionCase;
import uk.cspr.workflow.criteria.DecisionCases;

/** Decision {@code localReviewCriteria}: Working Together ch.4 para 18. */
class LocalReviewCriteriaTest {

  private static final String KEY = "localReviewCriteria";

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
    criteria.put("recurrentThemes", "recurrent themes");
    criteria.put("multiAgencyWorkingConcerns", "two or more organisations or agencies");
    criteria.put("panelAdvisedLocalReview", "local review may be more appropriate");
    Map<String, String> circumstances = new LinkedHashMap<>();
    circumstances.put("singleAgencyConcern", "single agency");
    circumstances.put("noAgencyInvolvementConcern", "no agency involvement");
    circumstances.put("multipleAreasInvolved", "more than one local authority");
    circumstances.put("institutionalSetting", "institutional settings");
    CriteriaTableProperties.checkEveryCombination(KEY, criteria, circumstances);
  }
}
