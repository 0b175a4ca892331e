package uk.cspr.workflow.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.criteria.TableEdits.localTimescales;
import static uk.cspr.workflow.criteria.TableEdits.replace;
import static uk.cspr.workflow.criteria.TableEdits.shipped;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.CriteriaChecks.CaseResult;
import uk.cspr.workflow.criteria.CriteriaChecks.Review;

/** The guard rails on an edited table, without a process engine. */
class CriteriaChecksTest {

  private final CriteriaChecks checks = new CriteriaChecks();

  private Review review(String key, String xml) {
    return checks.review(DecisionContract.find(key).orElseThrow(), xml);
  }

  static List<String> keys() {
    return DecisionContract.KEYS;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void everyShippedTableIsAcceptedAndPassesAllItsCases(String key) {
    Review review = review(key, shipped(key));
    assertThat(review.problems()).isEmpty();
    assertThat(review.results()).hasSize(DecisionCases.load(key).size());
    assertThat(review.results().values()).allMatch(CaseResult::passes);
  }

  @Test
  void aLocalChoiceMayChangeAndTheCaseShowsIt() {
    Review review = review("localTimescales", localTimescales("northLincolnshire_notification_sslRecommendation", 2));
    assertThat(review.problems()).isEmpty();
    CaseResult changed = result(review, "north-lincolnshire: notification.sslRecommendation");
    assertThat(changed.rows()).containsExactly(Map.of("workingDays", 2));
    assertThat(changed.mismatches()).containsExactly("workingDays: expected 3, got 2");
  }

  @Test
  void aBrokenStatutoryCaseIsRefusedNamingTheCaseAndTheGuidance() {
    Review review = review("localTimescales", localTimescales("northLincolnshire_rapidReview_signOff", 16));
    assertThat(review.problems()).singleElement().asString()
        .contains("Statutory case 'north-lincolnshire: rapidReview.signOff' would fail (workingDays: expected 15, got 16)")
        .contains("NL Appendix 1 Flowchart 2");
  }

  @Test
  void xmlThatDoesNotParseIsRefused() {
    assertThat(review("localTimescales", "<definitions><decision").problems())
        .singleElement().asString().startsWith("The table does not parse: ");
    assertThat(review("localTimescales", "").problems()).singleElement().asString().startsWith("The table does not parse");
  }

  @Test
  void aRenamedInputOrOutputIsRefused() {
    String renamedInput = replace(shipped("localTimescales"), "<text>step</text>", "<text>stepName</text>");
    assertThat(review("localTimescales", renamedInput).problems())
        .contains(
            "Input expression 'step' (string) is missing or renamed: the processes pass it in",
            "Input expression 'stepName' is not in the contract of SPEC §4");
    String renamedOutput = replace(shipped("localTimescales"), "name=\"workingDays\"", "name=\"days\"");
    assertThat(review("localTimescales", renamedOutput).problems())
        .contains("Output 'workingDays' (integer) is missing or renamed: the processes read it");
    String retyped = replace(shipped("localTimescales"), "name=\"workingDays\" typeRef=\"integer\"", "name=\"workingDays\" typeRef=\"string\"");
    assertThat(review("localTimescales", retyped).problems())
        .contains("Output 'workingDays' must have type integer (was string)");
  }

  @Test
  void aChangedKeyOrHitPolicyIsRefused() {
    String renamed = shipped("seriousCaseCriteria").replace("\"seriousCaseCriteria\"", "\"seriousCriteria\"");
    assertThat(review("seriousCaseCriteria", renamed).problems())
        .containsExactly("The decision key must stay 'seriousCaseCriteria' (the file holds [seriousCriteria])");
    String collect = replace(shipped("seriousCaseCriteria"), "hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"");
    assertThat(review("seriousCaseCriteria", collect).problems()).contains("Hit policy must be [FIRST, UNIQUE] (was COLLECT)");
  }

  @Test
  void anUnknownOutputCodeAndAMissingRetentionAreRefusedBeforeAnyCaseRuns() {
    String xml = replace(shipped("notificationDuties"), "<text>\"NOTIFY_PANEL\"</text>", "<text>\"TELL_PANEL\"</text>");
    xml = replace(xml, " camunda:historyTimeToLive=\"P2555D\"", "");
    assertThat(review("notificationDuties", xml).problems())
        .anyMatch(p -> p.contains("returns 'TELL_PANEL', which is none of the codes the processes know"))
        .contains("The decision needs a historyTimeToLive (retention, SPEC §6)");
    assertThat(review("notificationDuties", xml).results()).isEmpty();
  }

  @Test
  void aCellThatCannotBeEvaluatedIsRefused() {
    String xml = replace(shipped("localTimescales"), "<text>\"north-lincolnshire\"</text>", "<text>\"north-lincolnshire</text>");
    assertThat(review("localTimescales", xml).problems())
        .anyMatch(p -> p.startsWith("Case '") && p.contains("cannot be evaluated"));
  }

  private static CaseResult result(Review review, String name) {
    return review.results().entrySet().stream()
        .filter(entry -> entry.getKey().name().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }
}
