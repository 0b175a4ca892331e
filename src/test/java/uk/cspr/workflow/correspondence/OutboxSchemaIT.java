package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/** db/cspr-schema.sql is portable: the outbox works on PostgreSQL and on H2 (not in a compatibility mode). */
class OutboxSchemaIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void outboxOnPostgres() {
    roundTrip(postgres.getPostgresDatabase());
  }

  @Test
  void outboxOnH2() {
    roundTrip(h2());
  }

  @Test
  void anOutboxCreatedBeforeLettersWereRenderedByTheJobIsUpgradedOnPostgres() {
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE outbox_upgrade");
    upgrade(postgres.getDatabase("postgres", "outbox_upgrade"));
  }

  @Test
  void anOutboxCreatedBeforeLettersWereRenderedByTheJobIsUpgradedOnH2() {
    upgrade(h2());
  }

  private static JdbcDataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** An attachment table as it was when the step stored finished PDFs: content NOT NULL, no XHTML. */
  private static void upgrade(DataSource dataSource) {
    new ResourceDatabasePopulator(new ClassPathResource("db/cspr-schema.sql")).execute(dataSource);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("DROP TABLE cspr_outbox_attachment");
    jdbc.execute("CREATE TABLE cspr_outbox_attachment (outbox_id VARCHAR(36) NOT NULL REFERENCES cspr_outbox_message (id), "
        + "sort_order INT NOT NULL, file_name VARCHAR(255) NOT NULL, content_type VARCHAR(100) NOT NULL, "
        + "content BYTEA NOT NULL, PRIMARY KEY (outbox_id, file_name))");
    roundTrip(dataSource);
  }

  private static void roundTrip(DataSource dataSource) {
    ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("db/cspr-schema.sql"));
    schema.execute(dataSource);
    schema.execute(dataSource); // safe to re-run at every start

    OutboxRepository repository = new OutboxRepository(new JdbcTemplate(dataSource));
    OffsetDateTime queuedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    byte[] pdf = new byte[200_000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) i;
    }
    OutboxMessage message =
        new OutboxMessage(
            UUID.randomUUID().toString(), "<" + UUID.randomUUID() + "@cspr.workflow>", "NL-2027-0001",
            "north-lincolnshire", "pi-1", "serviceTask_send", "dspNotification", "cspr@localhost",
            "mars@northlincs.gov.uk", List.of("a@example.org", "b@example.org"), List.of(), "NL-2027-0001: Notification",
            "<p>Body with unicode: \u00e9\u2019</p>", OutboxStatus.QUEUED, queuedAt, null, 0, null, null, List.of());
    repository.insert(message, List.of(
        new Attachment("NL-2027-0001-letter.pdf", "application/pdf", pdf, "<p>Letter</p>"),
        Attachment.letter("NL-2027-0001-notice.pdf", "<p>Notice \u00e9</p>")));

    OutboxMessage read = repository.find(message.id()).orElseThrow();
    assertThat(read.to()).containsExactly("a@example.org", "b@example.org");
    assertThat(read.cc()).isEmpty();
    assertThat(read.bodyHtml()).isEqualTo(message.bodyHtml());
    assertThat(read.queuedAt().toInstant()).isEqualTo(queuedAt.toInstant());
    assertThat(read.attachmentNames()).containsExactly("NL-2027-0001-letter.pdf", "NL-2027-0001-notice.pdf");
    assertThat(repository.attachment(message.id(), "NL-2027-0001-letter.pdf").orElseThrow().content()).isEqualTo(pdf);
    Attachment notice = repository.attachment(message.id(), "NL-2027-0001-notice.pdf").orElseThrow();
    assertThat(notice.content()).as("not rendered yet").isNull();
    assertThat(notice.sourceXhtml()).isEqualTo("<p>Notice \u00e9</p>");
    repository.storePdf(message.id(), notice.fileName(), new byte[] {1, 2});
    repository.storePdf(message.id(), notice.fileName(), new byte[] {3, 4});
    assertThat(repository.attachments(message.id())).extracting(Attachment::content)
        .as("the first PDF stored is kept").containsExactly(pdf, new byte[] {1, 2});
    assertThat(repository.findByCase("NL-2027-0001")).extracting(OutboxMessage::id).contains(message.id());

    repository.markFailed(message.id(), queuedAt.plusMinutes(1), "x".repeat(5000));
    OutboxMessage failed = repository.find(message.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).hasSize(4000);

    repository.markSent(message.id(), queuedAt.plusMinutes(2));
    OutboxMessage sent = repository.find(message.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.sentAt().toInstant()).isEqualTo(queuedAt.plusMinutes(2).toInstant());
    assertThat(sent.lastError()).isNull();

    repository.markFailed(message.id(), queuedAt.plusMinutes(3), "late failure");
    assertThat(repository.find(message.id()).orElseThrow().status()).as("SENT is final").isEqualTo(OutboxStatus.SENT);
  }
}
