package uk.cspr.workflow.daily;

import uk.cspr.workflow.support.CsprSpringBootTest;

/** {@link CaseIndexScenarios} on H2. */
@CsprSpringBootTest
class CaseIndexTest extends CaseIndexScenarios {}
