package uk.cspr.workflow.reports;

import uk.cspr.workflow.support.CsprSpringBootTest;

/** {@link AnnualFiguresScenarios} on H2. */
@CsprSpringBootTest
class AnnualFiguresTest extends AnnualFiguresScenarios {}
