package uk.cspr.workflow.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.criteria.CriteriaChangeLog.Change;
import uk.cspr.workflow.support.CsprPostgresTest;

/** {@code cspr_criteria_change} on a real PostgreSQL server (H2 is covered by {@code CriteriaApiTest}). */
@CsprPostgresTest
class CriteriaChangeLogPostgresIT {

  @Autowired CriteriaChangeLog changeLog;

  @Test
  void recordsAndListsChangesWithTheirInstantAndPartnership() {
    Instant at = Instant.parse("2026-12-22T10:15:30.123Z");
    Change shared = new Change("pg-dep-1", "seriousCaseCriteria", null, "seriousCaseCriteria:2:x", 2, "ari", at, "Why (shared)", 0);
    Change bolton = new Change("pg-dep-2", "localTimescales", "bolton", "localTimescales:1:y", 1, "ari", at.plusSeconds(60),
        "x".repeat(CriteriaWorkbench.MAX_COMMENT), 3);
    changeLog.record(shared);
    changeLog.record(bolton);

    assertThat(changeLog.list(null, null)).containsExactly(bolton, shared);
    assertThat(changeLog.list(null, List.of("north-lincolnshire"))).containsExactly(shared);
    assertThat(changeLog.list("localTimescales", List.of("bolton"))).containsExactly(bolton);
    assertThat(changeLog.byDeployment("pg-dep-1")).contains(shared);
  }
}
