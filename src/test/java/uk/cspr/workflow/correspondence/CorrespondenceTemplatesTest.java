package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.spin.Spin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.cspr.workflow.config.Partnerships.Partnership;

/** Letters and e-mail bodies render with full, partial or no case data, escaped, and as valid PDF. */
class CorrespondenceTemplatesTest {

  static final String CASE = "NL-2027-0042";
  static final String SCRIPT = "<script>alert('x')</script>";
  static final Partnership NORTH_LINCS =
      new Partnership("North Lincolnshire Safeguarding Children Partnership", "NL", "mars@northlincs.gov.uk",
          "dsp@nl-partnership.example", "ssl@nl-partnership.example", false);
  static final Date TODAY = Date.from(Instant.parse("2027-01-05T10:00:00Z"));

  private final CorrespondenceTemplates templates =
      new CorrespondenceTemplates(new CorrespondenceProperties(false, Map.of(), null, null, null, null, null));
  private final LetterPdfRenderer renderer = new LetterPdfRenderer();

  static Map<String, Object> fullCase() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnership", "north-lincolnshire");
    variables.put("referringAgency", "Northern Lincolnshire and Goole NHS Trust");
    variables.put("referrerName", "Ann Referrer");
    variables.put("referrerEmail", "ann.referrer@nhs.example");
    variables.put("incidentDate", "2027-01-01");
    variables.put("awareOfIncidentAt", Date.from(Instant.parse("2027-01-04T09:30:00Z")));
    variables.put("incidentSummary", "Child admitted to hospital with injuries. " + SCRIPT);
    variables.put("children", Spin.JSON(
        "[{\"age\": 4, \"sex\": \"Female\", \"ethnicity\": \"White British\", \"lookedAfter\": true},"
            + " {\"age\": 7, \"sex\": \"Male\", \"childProtectionPlan\": true}]"));
    variables.put("childDied", false);
    variables.put("childSeriouslyHarmed", true);
    variables.put("seriousCase", true);
    variables.put("seriousCaseReason", "Abuse suspected and the child was seriously harmed");
    variables.put("duties", List.of("NOTIFY_PANEL", "RAPID_REVIEW"));
    variables.put("sslRecommendation", "NOTIFY_AND_RAPID_REVIEW");
    variables.put("sslRationale", "Criteria met. " + SCRIPT);
    variables.put("votes", "{\"laVote\": \"NOTIFY_AND_RAPID_REVIEW\", \"policeVote\": \"NOTIFY_AND_RAPID_REVIEW\", \"icbVote\": \"MULTI_AGENCY_REVIEW\"}");
    variables.put("outcome", "NOTIFY_AND_RAPID_REVIEW");
    variables.put("outcomeRationale", "Majority decision");
    variables.put("partnersInformedDueAt", "2027-01-05T23:59:59Z");
    variables.put("panelNotificationDueAt", "2027-01-11T23:59:59.000+0000");
    variables.put("panelNotificationSentAt", Date.from(Instant.parse("2027-01-08T15:00:00Z")));
    variables.put("panelNotificationReference", "CSIN-12345");
    return variables;
  }

  static Map<String, Object> model(Map<String, Object> variables) {
    return TemplateModel.of(variables, CASE, NORTH_LINCS, TODAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dspNotificationLetter", "sslNotificationLetter", "recommendationAndDecisionRecord",
      "referrerConfirmation", "panelNotificationConfirmation"})
  void lettersRenderToPdfWithAndWithoutCaseData(String letter) throws IOException {
    for (Map<String, Object> variables : List.of(fullCase(), Map.<String, Object>of())) {
      String html = templates.letter(letter, model(variables));
      assertThat(html).contains(CASE).contains("North Lincolnshire Safeguarding Children Partnership")
          .contains("5 January 2027").doesNotContain("<script>");
      byte[] pdf = renderer.pdf(html);
      String keep = System.getenv("CSPR_LETTERS_OUT");
      if (keep != null && !variables.isEmpty()) {
        Files.write(Path.of(keep, letter + ".pdf"), pdf);
      }
      assertThat(pdfText(pdf)).contains(CASE).contains("OFFICIAL-SENSITIVE");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dspNotification", "sslNotification", "recommendationAndDecisionRecord",
      "referrerConfirmation", "panelNotificationConfirmation",
      // the ids used by seriousIncidentNotification.bpmn
      "partnersNotification", "decisionRecord", "panelNotificationRecord"})
  void emailsRenderWithAndWithoutCaseData(String email) {
    for (Map<String, Object> variables : List.of(fullCase(), Map.<String, Object>of())) {
      assertThat(templates.email(email, model(variables))).contains(CASE).doesNotContain("<script>");
    }
  }

  @Test
  void caseTextIsEscapedInHtmlAndShownAsTextInThePdf() throws IOException {
    String html = templates.letter("dspNotificationLetter", model(fullCase()));
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
    String text = pdfText(renderer.pdf(html));
    assertThat(text).contains("<script>alert('x')</script>");
  }

  @Test
  void lettersShowCaseDataInPlainEnglish() throws IOException {
    String text = pdfText(renderer.pdf(templates.letter("recommendationAndDecisionRecord", model(fullCase()))));
    assertThat(text)
        .contains("Notify the Child Safeguarding Practice Review Panel and undertake a rapid review")
        .contains("No notification to the Panel; multi-agency (non-statutory) review")
        .contains("do not agree")
        .contains("11 January 2027 at 23:59");
    String panel = pdfText(renderer.pdf(templates.letter("panelNotificationConfirmation", model(fullCase()))));
    assertThat(panel).contains("CSIN-12345").contains("8 January 2027 at 15:00").contains("4 January 2027 at 09:30");
    String dsp = pdfText(renderer.pdf(templates.letter("dspNotificationLetter", model(fullCase()))));
    assertThat(dsp).contains("White British").contains("1 January 2027").contains("Northern Lincolnshire and Goole NHS Trust");
  }

  @Test
  void lettersReadTheNotificationFlowsVariableShapes() throws IOException {
    Map<String, Object> variables = fullCase();
    variables.remove("votes");
    variables.remove("childDied");
    variables.remove("childSeriouslyHarmed");
    variables.put("laVote", "NO_FURTHER_ACTION");
    variables.put("policeVote", "NO_FURTHER_ACTION");
    variables.put("icbVote", "NO_FURTHER_ACTION");
    variables.put("children", List.of(Map.of("age", 7, "sex", "FEMALE", "ethnicity", "White British", "seriouslyHarmed", true)));
    variables.put("duties", "[\"NOTIFY_PANEL\"]");
    variables.put("dspDecisionDueAt", "2026-12-30T23:59:59Z");
    variables.put("awareOfIncidentAt", "2026-12-22T09:30");
    variables.put("disputeNotes", "Agreed at the meeting");

    String record = pdfText(renderer.pdf(templates.letter("recommendationAndDecisionRecord", model(variables))));
    assertThat(record).contains("The three statutory partners agree").contains("Agreed at the meeting")
        .contains("No notification to the Panel and no further action");
    String dsp = pdfText(renderer.pdf(templates.letter("dspNotificationLetter", model(variables))));
    assertThat(dsp).contains("Female").contains("30 December 2026 at 23:59").contains("22 December 2026 at 09:30")
        .contains("Child seriously harmed Yes").contains("Child died Not recorded")
        .contains("The local authority notifies the Child Safeguarding Practice Review Panel within 5 working days");
  }

  @Test
  void letterXhtmlThatIsNotWellFormedIsRejectedBeforeRendering() {
    String unclosed = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Unclosed</body></html>";
    assertThatThrownBy(() -> renderer.checkWellFormed(unclosed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> renderer.pdf(unclosed)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void letterXhtmlCannotReadLocalFiles(@TempDir Path directory) throws IOException {
    Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-VALUE");
    String xxe = "<!DOCTYPE html [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>" + CASE + " &secret;</p></body></html>";
    try {
      assertThat(pdfText(renderer.pdf(xxe))).contains(CASE).doesNotContain("TOP-SECRET-VALUE");
    } catch (IllegalArgumentException refused) {
      assertThat(refused).hasMessageContaining("not well-formed");
    }
  }

  @Test
  void templateIdsCannotReachOtherFiles() {
    assertThatThrownBy(() -> templates.letter("../email/dspNotification", model(Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid template id");
    assertThatThrownBy(() -> templates.email("noSuchTemplate", model(Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No email template 'noSuchTemplate'");
  }

  static String pdfText(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isPositive();
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
