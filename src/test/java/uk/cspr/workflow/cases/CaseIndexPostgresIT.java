package uk.cspr.workflow.cases;

import uk.cspr.workflow.support.CsprPostgresTest;

/** {@link CaseIndexScenarios} on PostgreSQL: row locks, {@code NULLS LAST} paging and the native activity query there. */
@CsprPostgresTest
class CaseIndexPostgresIT extends CaseIndexScenarios {}
