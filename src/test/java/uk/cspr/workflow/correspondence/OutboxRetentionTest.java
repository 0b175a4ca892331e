package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/** SPEC §6: sent correspondence older than the retention period is deleted; unsent is kept. */
class OutboxRetentionTest {

  @Test
  void deletesOnlySentMessagesOlderThanTheRetentionPeriod() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("db/cspr-schema.sql")).execute(h2);
    OutboxRepository repository = new OutboxRepository(new JdbcTemplate(h2));
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    String oldSent = insert(repository, now.minusDays(400), OutboxStatus.SENT);
    String oldFailed = insert(repository, now.minusDays(400), OutboxStatus.FAILED);
    String recentSent = insert(repository, now.minusDays(10), OutboxStatus.SENT);

    OutboxRetention retention =
        new OutboxRetention(repository, new CorrespondenceProperties(false, Map.of(), null, null, null, Duration.ofDays(365), null));
    assertThat(retention.deleteExpired()).isEqualTo(1);

    assertThat(repository.find(oldSent)).isEmpty();
    assertThat(repository.attachments(oldSent)).isEmpty();
    assertThat(repository.find(oldFailed)).isPresent();
    assertThat(repository.find(recentSent)).isPresent();
    assertThat(repository.attachments(recentSent)).hasSize(1);
  }

  private static String insert(OutboxRepository repository, OffsetDateTime queuedAt, OutboxStatus status) {
    String id = UUID.randomUUID().toString();
    repository.insert(
        new OutboxMessage(id, "<" + id + "@cspr.workflow>", "NL-2026-0001", "north-lincolnshire", null, null,
            "dspNotification", "cspr@localhost", null, List.of("a@example.org"), List.of(), "NL-2026-0001: x", "<p/>",
            status, queuedAt, null, 0, null, null, List.of()),
        List.of(new Attachment("letter.pdf", "application/pdf", new byte[] {1, 2, 3}, "<p/>")));
    return id;
  }
}
