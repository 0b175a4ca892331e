package uk.cspr.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 18.2: a document's type is told by its content; its name is made safe and ends as its type. */
class DocumentTypeTest {

  @Test
  void theTypeComesFromTheContent() {
    assertThat(DocumentType.of(TestDocuments.pdf("x"))).contains(DocumentType.PDF);
    assertThat(DocumentType.of(TestDocuments.docx())).contains(DocumentType.DOCX);
    assertThat(DocumentType.of(TestDocuments.odt())).contains(DocumentType.ODT);
  }

  @Test
  void lookalikesAreNone() {
    assertThat(DocumentType.of(TestDocuments.zip(false, "report.txt", "text"))).as("a ZIP").isEmpty();
    assertThat(DocumentType.of(TestDocuments.zip(false, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<w/>")))
        .as("a spreadsheet").isEmpty();
    assertThat(DocumentType.of(TestDocuments.zip(true, "content.xml", "<x/>", "mimetype", "application/vnd.oasis.opendocument.text")))
        .as("mimetype not first").isEmpty();
    assertThat(DocumentType.of(TestDocuments.zip(true, "mimetype", "application/vnd.oasis.opendocument.spreadsheet")))
        .as("an OpenDocument spreadsheet").isEmpty();
    assertThat(DocumentType.of("PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1))).as("a broken ZIP").isEmpty();
    assertThat(DocumentType.of(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(DocumentType.of(new byte[0])).isEmpty();
  }

  @Test
  void namesAreMadeSafe() {
    assertThat(CaseDocuments.fileName("C:\\Users\\me\\Agency report.PDF", DocumentType.PDF)).isEqualTo("Agency report.pdf");
    assertThat(CaseDocuments.fileName("../../etc/passwd", DocumentType.PDF)).isEqualTo("passwd.pdf");
    assertThat(CaseDocuments.fileName("a\r\nb<script>.docx", DocumentType.DOCX)).isEqualTo("a__b_script_.docx");
    assertThat(CaseDocuments.fileName("...", DocumentType.ODT)).isEqualTo("document.odt");
    assertThat(CaseDocuments.fileName(null, DocumentType.PDF)).isEqualTo("document.pdf");
    assertThat(CaseDocuments.fileName("x".repeat(500) + ".pdf", DocumentType.PDF)).hasSize(124);
    assertThat(CaseDocuments.fileName("report.pdf", DocumentType.DOCX)).isEqualTo("report.pdf.docx");
  }
}
