package uk.cspr.workflow.reports;

import uk.cspr.workflow.support.CsprPostgresTest;

/** {@link AnnualFiguresScenarios} on PostgreSQL: the same year of cases gives the same figures. */
@CsprPostgresTest
class AnnualFiguresPostgresIT extends AnnualFiguresScenarios {}
