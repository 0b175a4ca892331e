package uk.cspr.workflow.parallel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the interface with parallel reviews, {@code cspr.parallel-reviews.*}:
 *
 * <pre>
 * cspr:
 *   parallel-reviews:
 *     leads:                       # per partnership (tenant id), per review code in kebab case
 *       north-lincolnshire:
 *         domestic-homicide-review: csp.chair@northlincs.example
 *     default-leads:               # any partnership without its own address
 *       youth-justice-serious-incident: yjs@parallel-leads.example
 *     tracking-reminder: 28d       # reminder interval while a parallel process is tracked
 *     send-to-leads-directly: false
 * </pre>
 *
 * Review codes are those of the decision {@code parallelReviewTriggers}, written in kebab case
 * ({@code MAPPA_SCR_MANDATORY} → {@code mappa-scr-mandatory}). Every code has an example default on an
 * {@code .example} domain (never deliverable), so production configuration must set the real
 * addresses. {@code send-to-leads-directly}: false sends lead notifications to the partnership's
 * business unit with the lead's address in the letter, to forward; true sends them to the lead's
 * configured address (the correspondence service accepts literal addresses) — set it once the real
 * addresses are configured.
 */
@ConfigurationProperties("cspr.parallel-reviews")
public record ParallelReviewProperties(
    Map<String, Map<String, String>> leads,
    Map<String, String> defaultLeads,
    Duration trackingReminder,
    boolean sendToLeadsDirectly) {

  /** Example addresses per review code; overridden by {@code default-leads} and {@code leads}. */
  static final Map<String, String> EXAMPLE_LEADS =
      Map.ofEntries(
          Map.entry("domestic-homicide-review", "community-safety-partnership-chair@parallel-leads.example"),
          Map.entry("safeguarding-adults-review", "safeguarding-adults-board@parallel-leads.example"),
          Map.entry("mappa-scr-mandatory", "mappa-smb-chair@parallel-leads.example"),
          Map.entry("mappa-scr-discretionary", "mappa-smb-chair@parallel-leads.example"),
          Map.entry("probation-sfo-review", "head-of-probation@parallel-leads.example"),
          Map.entry("youth-justice-serious-incident", "youth-justice-service@parallel-leads.example"),
          Map.entry("child-death-review", "child-death-overview-panel@parallel-leads.example"),
          Map.entry("coroner-inquest", "coroner@parallel-leads.example"),
          Map.entry("criminal-investigation", "senior-investigating-officer@parallel-leads.example"),
          Map.entry("home-office-contribution", "home-office-ccu@parallel-leads.example"),
          Map.entry("leder-review", "leder@parallel-leads.example"));

  /** Four weeks between reminders unless configured. */
  static final Duration DEFAULT_TRACKING_REMINDER = Duration.ofDays(28);

  public ParallelReviewProperties {
    leads = leads == null ? Map.of() : Map.copyOf(leads);
    Map<String, String> defaults = new LinkedHashMap<>(EXAMPLE_LEADS);
    if (defaultLeads != null) {
      defaults.putAll(defaultLeads);
    }
    defaultLeads = Map.copyOf(defaults);
    if (trackingReminder == null) {
      trackingReminder = DEFAULT_TRACKING_REMINDER;
    }
    if (trackingReminder.isNegative() || trackingReminder.isZero()) {
      throw new IllegalArgumentException("cspr.parallel-reviews.tracking-reminder must be positive");
    }
  }

  /** The lead's address for a review code in a partnership: its own, else the default, else null. */
  public String leadAddress(String partnership, String reviewCode) {
    String key = ParallelReview.propertyKey(reviewCode);
    String own = leads.getOrDefault(partnership, Map.of()).get(key);
    return own != null && !own.isBlank() ? own.strip() : defaultLeads.get(key);
  }

  /** The timer cycle of the tracking reminder, e.g. {@code R/PT672H}. */
  public String trackingReminderCycle() {
    return "R/" + trackingReminder;
  }
}
