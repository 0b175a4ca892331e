package uk.cspr.workflow.calendar;

import uk.cspr.workflow.support.CsprSpringBootTest;

/** {@link DeadlineExpressionScenarios} on the default in-memory H2 database. */
@CsprSpringBootTest
class WorkingDaysExpressionProcessTest extends DeadlineExpressionScenarios {}
