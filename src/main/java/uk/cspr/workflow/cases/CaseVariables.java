package uk.cspr.workflow.cases;

/** Variables every flow of a case carries (typed names; Java never spells them as raw strings). */
public final class CaseVariables {

  /** Generated case reference, e.g. {@code NL-2026-0007}; also the process business key. */
  public static final String CASE_REFERENCE = "caseReference";

  /** Partnership tenant id (SPEC §1); the process instance's tenant. */
  public static final String PARTNERSHIP = "partnership";
  /** The partnership's configured name, a task-local copy for Tasklist's cards (never the tenant id). */
  public static final String PARTNERSHIP_NAME = "partnershipName";

  /** Names of steps whose statutory deadline was missed (SPEC §2: recorded, never stops the case). */
  public static final String DEADLINES_BREACHED = "deadlinesBreached";

  /** Corrections of recorded facts: who, when, the old and new value and why (issue 15). */
  public static final String FACT_CORRECTIONS = "factCorrections";

  private CaseVariables() {}
}
