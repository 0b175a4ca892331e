package uk.cspr.workflow.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;

/**
 * Who is shown the references of earlier cases (issue 19.2): only groups that may read the
 * partnership's cases under the access policy; the others read counts.
 */
@CsprSpringBootTest
class ThemeRecurrenceTest {

  @Autowired ThemeRecurrence recurrence;

  @Test
  void theBusinessUnitAndManagersMayReadEarlierCasesSeniorLeadsAndAgenciesMayNot() {
    assertThat(recurrence.mayReadCases(CsprGroups.BUSINESS_UNIT)).isTrue();
    assertThat(recurrence.mayReadCases(CsprGroups.MANAGERS)).isTrue();
    assertThat(recurrence.mayReadCases(CsprGroups.SENIOR_LEADS)).isFalse();
    assertThat(recurrence.mayReadCases(CsprGroups.AGENCY_LEADS)).isFalse();
    assertThat(recurrence.mayReadCases(CsprGroups.ANALYSTS)).as("decision history only, no cases").isFalse();
  }

  @Test
  void referencesAreNamedOnlyWhereTheyMayBeRead() {
    Map<String, List<String>> earlier = Map.of("neglect", List.of("NL-2025-0004", "NL-2026-0011"), "safe-sleep", List.of("NL-2026-0002"));
    List<String> themes = List.of("neglect", "safe-sleep", "domestic-abuse");
    assertThat(recurrence.text(themes, earlier, true)).isEqualTo("Earlier cases of this partnership in the last 3 years with the "
        + "same themes: Neglect: 2 earlier cases (NL-2025-0004, NL-2026-0011); Safe sleep: 1 earlier case (NL-2026-0002); "
        + "Domestic abuse: no earlier case.");
    assertThat(recurrence.text(themes, earlier, false)).isEqualTo("Earlier cases of this partnership in the last 3 years with the "
        + "same themes: Neglect: 2 earlier cases; Safe sleep: 1 earlier case; Domestic abuse: no earlier case.")
        .doesNotContain("NL-");
  }
}
