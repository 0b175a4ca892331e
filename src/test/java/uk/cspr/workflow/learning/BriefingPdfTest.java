package uk.cspr.workflow.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.cspr.workflow.correspondence.LetterPdfRenderer;
import uk.cspr.workflow.support.EngineClock;

/**
 * Issue 19.3: the 7-minute briefing's PDF, read back with PDFBox: drafted from what the case
 * recorded (never the incident summary, which may name the child), escaped, and laid out by the
 * built-in template or the file {@code cspr.learning.briefing-template} names.
 */
class BriefingPdfTest {

  private static final String PARTNERSHIP = "North Lincolnshire Safeguarding Children Partnership";

  @TempDir Path directory;

  @Test
  void theBriefingHoldsTheCaseReferenceItsRecommendationsAndNoNamesOrTenantIds() throws IOException {
    Map<String, String> sections = BriefingContent.generated(review(), PARTNERSHIP, Map.of("neglect", "Neglect (including emotional neglect)"));
    String text = text(new BriefingPdf(new BriefingProperties(null), new LetterPdfRenderer()).pdf("NL-2027-0042", PARTNERSHIP, sections));

    assertThat(text).contains("7-minute briefing", "NL-2027-0042", PARTNERSHIP,
        "R1: Strategy meetings include the health visitor (Designated nurse, ICB, by 1 Dec", "R2: A new screening tool",
        "Health visitors were not invited to strategy meetings", "Neglect (including emotional neglect)", "Information sharing",
        "The published report: https://www.northlincscmars.co.uk/reviews/nl-review",
        "Background", "What the review found", "Questions for reflection", "What to do", "Further reading");
    assertThat(text).doesNotContain("Jayden", "Smith", "north-lincolnshire", "reviewRecommendations", "information-sharing");
  }

  @Test
  void aPartnershipsOwnTemplateReplacesTheLayoutAndCaseTextStaysText() throws IOException {
    Path template = directory.resolve("our-briefing.html");
    Files.writeString(template, """
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org"><head><title>ours</title></head><body>
        <h1>Our learning in seven minutes</h1><p th:text="${caseReference}">ref</p>
        <div th:each="section : ${sections}"><h2 th:text="${section.title}">t</h2><p th:each="line : ${section.lines}" th:text="${line}">l</p></div>
        </body></html>
        """);
    Map<String, String> sections = new HashMap<>(BriefingContent.generated(review(), PARTNERSHIP, Map.of()));
    sections.put(BriefingContent.BACKGROUND, "<b>Not bold</b> & <script>alert(1)</script>");
    BriefingPdf ours = new BriefingPdf(new BriefingProperties(template), new LetterPdfRenderer());

    String text = text(ours.pdf("NL-2027-0042", PARTNERSHIP, sections));
    assertThat(text).contains("Our learning in seven minutes", "NL-2027-0042", "<b>Not bold</b> & <script>alert(1)</script>")
        .doesNotContain("7-minute briefing");
    assertThat(ours.xhtml("NL-2027-0042", PARTNERSHIP, sections)).contains("&lt;b&gt;Not bold&lt;/b&gt;");

    Files.writeString(template, Files.readString(template).replace("Our learning", "Edited learning"));
    assertThat(text(ours.pdf("NL-2027-0042", PARTNERSHIP, sections))).as("read at each rendering: no restart")
        .contains("Edited learning in seven minutes");
  }

  @Test
  void aMissingTemplateFileStopsTheStartWithItsName() {
    assertThatThrownBy(() -> new BriefingPdf(new BriefingProperties(directory.resolve("missing.html")), new LetterPdfRenderer()))
        .hasMessageContaining("cspr.learning.briefing-template").hasMessageContaining("missing.html");
  }

  /** What an LCSPR records by publication, with an incident summary that names the child. */
  private static Map<String, Object> review() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("partnership", "north-lincolnshire");
    vars.put("statutory", true);
    vars.put("lcsprDecidedAt", EngineClock.endOf("2027-01-15"));
    vars.put("publishedAt", EngineClock.endOf("2027-07-15"));
    vars.put("incidentSummary", "Jayden Smith was admitted to hospital with unexplained injuries.");
    vars.put("caseThemes", List.of("neglect", "information-sharing"));
    vars.put("publicationUrl", "https://www.northlincscmars.co.uk/reviews/nl-review");
    vars.put("learningLog", List.of(Map.of("learningSummary", "Health visitors were not invited to strategy meetings")));
    vars.put(Recommendations.RECOMMENDATIONS, List.of(
        Map.of("number", "R1", "recommendation", "Strategy meetings include the health visitor", "owner", "Designated nurse, ICB",
            "dueDate", "2027-12-01", "status", "OPEN"),
        Map.of("number", "R2", "recommendation", "A new screening tool", "owner", "Head of service, children's services",
            "dueDate", "2028-03-01", "status", "NOT_ACCEPTED")));
    return vars;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
