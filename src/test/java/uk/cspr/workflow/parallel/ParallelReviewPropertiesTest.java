package uk.cspr.workflow.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Lead addresses and the reminder interval as {@code cspr.parallel-reviews.*} binds them. */
class ParallelReviewPropertiesTest {

  private static ParallelReviewProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("cspr.parallel-reviews", ParallelReviewProperties.class);
  }

  @Test
  void everyReviewCodeHasAnExampleLeadAndFourWeeklyReminders() {
    ParallelReviewProperties defaults = bind(Map.of());
    for (ParallelReview review : ParallelReview.values()) {
      assertThat(defaults.leadAddress("bolton", review.name())).as(review.name()).endsWith(".example");
    }
    assertThat(defaults.trackingReminderCycle()).isEqualTo("R/PT672H");
    assertThat(defaults.sendToLeadsDirectly()).isFalse();
    assertThat(ParallelReviewProperties.EXAMPLE_LEADS.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ParallelReview.values()).map(review -> ParallelReview.propertyKey(review.name())).toList());
  }

  @Test
  void aPartnershipsOwnLeadWinsOverTheDefault() {
    ParallelReviewProperties properties = bind(Map.of(
        "cspr.parallel-reviews.leads.north-lincolnshire.domestic-homicide-review", "csp.chair@northlincs.example",
        "cspr.parallel-reviews.default-leads.coroner-inquest", "coroner@humber.example",
        "cspr.parallel-reviews.tracking-reminder", "14d",
        "cspr.parallel-reviews.send-to-leads-directly", "true"));
    assertThat(properties.leadAddress("north-lincolnshire", "DOMESTIC_HOMICIDE_REVIEW")).isEqualTo("csp.chair@northlincs.example");
    assertThat(properties.leadAddress("bolton", "DOMESTIC_HOMICIDE_REVIEW"))
        .isEqualTo("community-safety-partnership-chair@parallel-leads.example");
    assertThat(properties.leadAddress("bolton", "CORONER_INQUEST")).isEqualTo("coroner@humber.example");
    assertThat(properties.leadAddress("bolton", "SOMETHING_NEW")).isNull();
    assertThat(properties.trackingReminderCycle()).isEqualTo("R/PT336H");

    ParallelReviewLeads leads = new ParallelReviewLeads(properties);
    assertThat(leads.addressee("north-lincolnshire", "DOMESTIC_HOMICIDE_REVIEW")).isEqualTo("csp.chair@northlincs.example");
    assertThat(leads.addressee("bolton", "SOMETHING_NEW")).isEqualTo("BUSINESS_UNIT");
    assertThat(leads.name("SOMETHING_NEW")).isEqualTo("Other process (SOMETHING_NEW)");
  }

  @Test
  void withoutDirectSendingTheBusinessUnitForwardsTheLetter() {
    ParallelReviewLeads leads = new ParallelReviewLeads(bind(Map.of()));
    assertThat(leads.addressee("bolton", "CRIMINAL_INVESTIGATION")).isEqualTo("BUSINESS_UNIT");
    assertThat(leads.title("CRIMINAL_INVESTIGATION")).isEqualTo("Senior investigating officer (police)");
  }

  @Test
  void theReminderIntervalMustBePositive() {
    assertThatThrownBy(() -> new ParallelReviewProperties(null, null, Duration.ZERO, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
