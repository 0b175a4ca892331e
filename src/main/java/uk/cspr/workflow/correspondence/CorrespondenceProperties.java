package uk.cspr.workflow.correspondence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cspr.correspondence.*} (SPEC §5).
 *
 * @param live true only in profile {@code live}: mail may then leave for real addresses
 * @param mailboxes national mailboxes by addressee code in kebab case ({@code panel} = PANEL,
 *     {@code secretary-of-state} = SECRETARY_OF_STATE); a new entry is a new addressee code
 * @param from sender address of every message
 * @param resumeInterval how long a delivery stays failed (incident) before it is tried again
 * @param templateDirectory optional directory whose {@code email/} and {@code letters/} templates
 *     override the built-in ones, so a partnership edits letters without a release
 * @param retention how long a sent message and its letters are kept (SPEC §6); default 7 years,
 *     like the processes' historyTimeToLive
 * @param testSmtpHosts non-loopback SMTP hosts that are mail sinks (e.g. {@code mailsink} in the
 *     Docker compose file), allowed outside the live profile
 */
@ConfigurationProperties("cspr.correspondence")
record CorrespondenceProperties(
    boolean live,
    Map<String, String> mailboxes,
    String from,
    Duration resumeInterval,
    Path templateDirectory,
    Duration retention,
    List<String> testSmtpHosts) {

  CorrespondenceProperties {
    mailboxes = mailboxes == null ? Map.of() : Map.copyOf(mailboxes);
    from = from == null || from.isBlank() ? "cspr-workflow@localhost" : from;
    resumeInterval = resumeInterval == null ? Duration.ofMinutes(10) : resumeInterval;
    retention = retention == null ? Duration.ofDays(2555) : retention;
    testSmtpHosts = testSmtpHosts == null ? List.of() : List.copyOf(testSmtpHosts);
  }
}
