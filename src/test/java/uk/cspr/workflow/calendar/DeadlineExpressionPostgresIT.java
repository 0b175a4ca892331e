package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.support.CsprPostgresTest;

/**
 * {@link DeadlineExpressionScenarios} on a real PostgreSQL server; also proves the application's own
 * schema ({@code db/cspr-schema.sql}) runs there.
 */
@CsprPostgresTest
class DeadlineExpressionPostgresIT extends DeadlineExpressionScenarios {

  @Autowired DataSource dataSource;

  @Test
  void runsOnPostgresqlWithTheApplicationSchema() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String product = jdbc.execute((java.sql.Connection connection) -> {
      DatabaseMetaData metaData = connection.getMetaData();
      return metaData.getDatabaseProductName();
    });
    assertThat(product).isEqualTo("PostgreSQL");

    jdbc.update("INSERT INTO cspr_case_sequence (partnership, case_year, last_number) VALUES (?, ?, ?)", "test-partnership", 2026, 7);
    assertThat(jdbc.queryForObject(
            "SELECT last_number FROM cspr_case_sequence WHERE partnership = ? AND case_year = ?", Integer.class, "test-partnership", 2026))
        .isEqualTo(7);
    jdbc.update("DELETE FROM cspr_case_sequence WHERE partnership = ?", "test-partnership");
  }
}
