package uk.cspr.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import uk.cspr.workflow.support.PostgresTestDatabase;

/** The documents table of db/cspr-schema.sql works alike on PostgreSQL and H2 (issue 18.2). */
class DocumentSchemaIT {

  @Test
  void documentsOnPostgres() {
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    roundTrip(postgres.getDatabase(PostgresTestDatabase.USER, PostgresTestDatabase.createDatabase(postgres)));
  }

  @Test
  void documentsOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    roundTrip(h2);
  }

  private static void roundTrip(DataSource dataSource) {
    ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("db/cspr-schema.sql"));
    schema.execute(dataSource);
    schema.execute(dataSource); // safe to re-run at every start
    DocumentRepository repository = new DocumentRepository(new JdbcTemplate(dataSource));
    byte[] content = new byte[3 * 1024 * 1024];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Instant addedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    CaseDocument report = new CaseDocument(UUID.randomUUID().toString(), "NL-2027-0001", "north-lincolnshire", "rapidReview",
        "userTask_writeChairReport", "Write the chair\u2019s rapid review report", "coordinator", addedAt,
        "Chair\u2019s report.pdf", DocumentType.PDF, content.length);
    CaseDocument evidence = new CaseDocument(UUID.randomUUID().toString(), "NL-2027-0001", "north-lincolnshire", null, null, null,
        "coordinator", addedAt.plusSeconds(1), "Evidence.odt", DocumentType.ODT, 3);
    repository.insert(report, content);
    repository.insert(evidence, new byte[] {1, 2, 3});

    assertThat(repository.ofCase("NL-2027-0001")).containsExactly(report, evidence);
    assertThat(repository.content(report.id())).isEqualTo(content);
    assertThat(repository.find("NL-2027-0001", evidence.id())).contains(evidence);
    assertThat(repository.find("NL-2027-0002", evidence.id())).as("only within its case").isEmpty();
    assertThat(repository.ofSteps("NL-2027-0001", List.of("userTask_writeChairReport", "userTask_signOffRapidReview")))
        .containsExactly(report);
    assertThat(repository.caseReferences()).containsExactly("NL-2027-0001");
    assertThat(repository.deleteCase("NL-2027-0001")).isEqualTo(2);
    assertThat(repository.ofCase("NL-2027-0001")).isEmpty();
  }
}
