package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.cspr.workflow.config.Partnerships;

/** SPEC §5 addressees: national mailboxes from configuration, partnership mailboxes, the referrer. */
class AddresseeResolverTest {

  private final AddresseeResolver resolver =
      new AddresseeResolver(
          new CorrespondenceProperties(
              false,
              Map.of(
                  "panel", "Mailbox.NationalReviewPanel@education.gov.uk",
                  "secretary-of-state", "Mailbox.CPOD@education.gov.uk",
                  "ofsted", "SCR.SIN@ofsted.gov.uk",
                  "nspcc", "information@nspcc.org.uk",
                  "home-office", "CCUsafeguarding@homeoffice.gov.uk",
                  "youth-justice-board", "yjb@yjb.example"),
              null, null, null, null, null),
          new Partnerships(Map.of("north-lincolnshire", CorrespondenceTemplatesTest.NORTH_LINCS)));

  private List<String> resolve(String codes, Map<String, Object> variables) {
    return resolver.resolve(AddresseeResolver.codes(codes), "north-lincolnshire", variables);
  }

  @Test
  void nationalMailboxesComeFromConfiguration() {
    assertThat(resolve("PANEL, SECRETARY_OF_STATE,ofsted,NSPCC,HOME_OFFICE", Map.of()))
        .containsExactly(
            "Mailbox.NationalReviewPanel@education.gov.uk",
            "Mailbox.CPOD@education.gov.uk",
            "SCR.SIN@ofsted.gov.uk",
            "information@nspcc.org.uk",
            "CCUsafeguarding@homeoffice.gov.uk");
  }

  @Test
  void aCodeAddedToConfigurationIsKnownWithoutCode() {
    assertThat(resolve("YOUTH_JUSTICE_BOARD", Map.of())).containsExactly("yjb@yjb.example");
  }

  @Test
  void partnershipMailboxesComeFromThePartnershipOfTheCase() {
    assertThat(resolve("BUSINESS_UNIT,DELEGATED_PARTNERS,SENIOR_LEADS", Map.of()))
        .containsExactly("mars@northlincs.gov.uk", "dsp@nl-partnership.example", "ssl@nl-partnership.example");
  }

  @Test
  void theReferrerComesFromTheCase() {
    assertThat(resolve("REFERRER", Map.of(Correspondence.REFERRER_EMAIL, " ann@nhs.example "))).containsExactly("ann@nhs.example");
    assertThatThrownBy(() -> resolve("REFERRER", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referrerEmail");
    assertThatThrownBy(() -> resolve("REFERRER", Map.of(Correspondence.REFERRER_EMAIL, "not an address")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid address");
  }

  @Test
  void duplicatesAndBlanksAreDropped() {
    assertThat(resolve("PANEL,,panel , BUSINESS_UNIT", Map.of()))
        .containsExactly("Mailbox.NationalReviewPanel@education.gov.uk", "mars@northlincs.gov.uk");
    assertThat(AddresseeResolver.codes(null)).isEmpty();
  }

  @Test
  void aLiteralAddressIsUsedAsWrittenAndStillValidated() {
    assertThat(resolve("BUSINESS_UNIT, Chair.CSP@northlincs.example", Map.of()))
        .containsExactly("mars@northlincs.gov.uk", "Chair.CSP@northlincs.example");
    assertThatThrownBy(() -> resolve("chair@@northlincs", Map.of()))
        .hasMessageContaining("not a valid address");
  }

  @Test
  void unknownCodesAndPartnershipsFailClearly() {
    assertThatThrownBy(() -> resolve("PANEL,MINISTER", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown addressee code 'MINISTER'")
        .hasMessageContaining("PANEL")
        .hasMessageContaining("REFERRER");
    assertThatThrownBy(() -> resolver.resolve(List.of("BUSINESS_UNIT"), "atlantis", Map.of()))
        .hasMessageContaining("unknown partnership 'atlantis'");
  }
}
