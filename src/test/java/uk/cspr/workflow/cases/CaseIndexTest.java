package uk.cspr.workflow.cases;

import uk.cspr.workflow.support.CsprSpringBootTest;

/** {@link CaseIndexScenarios} on H2. */
@CsprSpringBootTest
class CaseIndexTest extends CaseIndexScenarios {}
