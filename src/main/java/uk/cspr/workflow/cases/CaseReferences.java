package uk.cspr.workflow.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.config.Partnerships;

/**
 * Generates case references such as {@code NL-2026-0007}: partnership prefix, year, number per
 * partnership and year. The counter row is created in its own transaction (so a concurrent first
 * case of the year on another node cannot abort ours); the increment runs in the caller's
 * transaction, so a rolled-back referral does not consume a number.
 */
@Component
public class CaseReferences {

  /** What can be a case reference where one is asked for (a page, a search, an API path): anything else is no case. */
  public static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,40}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final Partnerships partnerships;

  /**
   * Gives a new case its reference for its partnership (variable {@code partnership}) and the
   * current year, as business key and variable {@code caseReference}.
   */
  public String assignNew(DelegateExecution execution) {
    String tenant = (String) execution.getVariable(CaseVariables.PARTNERSHIP);
    int year = ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).getYear();
    String reference = next(tenant, partnerships.get(tenant).casePrefix(), year);
    execution.setProcessBusinessKey(reference);
    execution.setVariable(CaseVariables.CASE_REFERENCE, reference);
    return reference;
  }

  CaseReferences(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Partnerships partnerships) {
    this.jdbc = jdbc;
    this.partnerships = partnerships;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(String partnership, String prefix, int year) {
    if (increment(partnership, year) == 0) {
      createCounter(partnership, year);
      increment(partnership, year);
    }
    Integer number =
        jdbc.queryForObject(
            "SELECT last_number FROM cspr_case_sequence WHERE partnership = ? AND case_year = ?",
            Integer.class,
            partnership,
            year);
    return String.format("%s-%d-%04d", prefix, year, number);
  }

  private int increment(String partnership, int year) {
    return jdbc.update(
        "UPDATE cspr_case_sequence SET last_number = last_number + 1 WHERE partnership = ? AND case_year = ?",
        partnership,
        year);
  }

  private void createCounter(String partnership, int year) {
    try {
      newTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "INSERT INTO cspr_case_sequence (partnership, case_year, last_number) VALUES (?, ?, 0)",
                  partnership,
                  year));
    } catch (DuplicateKeyException alreadyCreated) {
      // another node created it first: fine
    }
  }
}
