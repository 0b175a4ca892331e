package uk.cspr.workflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Real minimal files of each kind, and the multipart request that adds one to a case's step. */
public final class TestDocuments {

  private TestDocuments() {}

  /** A one-page PDF (what a scanner or word processor writes, in miniature). */
  public static byte[] pdf(String text) {
    String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        + "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
        + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
        + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n";
    return pdf.getBytes(StandardCharsets.US_ASCII);
  }

  /** A Word document: the parts Word needs to open it (ECMA-376). */
  public static byte[] docx() {
    return zip(false,
        "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
        "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"word/document.xml\"/></Relationships>",
        "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body><w:p><w:r><w:t>Agency report</w:t></w:r></w:p></w:body></w:document>");
  }

  /** An OpenDocument text: {@code mimetype} first and stored, then the manifest and the content. */
  public static byte[] odt() {
    return zip(true,
        "mimetype", "application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
            + "manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" "
            + "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
            + "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>",
        "content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:text>"
            + "<text:p>Scoping template</text:p></office:text></office:body></office:document-content>");
  }

  private static final long FIXED_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** A ZIP of text entries; the first stored (uncompressed) when asked, as ODF requires of {@code mimetype}. */
  public static byte[] zip(boolean firstStored, String... namesAndTexts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        byte[] text = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(namesAndTexts[i]);
        entry.setTime(FIXED_TIME); // the same bytes every time: a test compares a download with a fresh copy
        if (i == 0 && firstStored) {
          CRC32 crc = new CRC32();
          crc.update(text);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(text.length);
          entry.setCompressedSize(text.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(text);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code size} bytes that begin as a PDF does. */
  public static byte[] pdfOfSize(int size) {
    byte[] content = Arrays.copyOf(pdf("large"), size);
    Arrays.fill(content, pdf("large").length, size, (byte) ' ');
    return content;
  }

  /** The multipart body of {@code POST /api/cases/{ref}/documents}: the file and the step (null: none). */
  public static HttpEntity<MultiValueMap<String, Object>> upload(String fileName, byte[] content, String taskId) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    if (taskId != null) {
      parts.add("taskId", taskId);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }
}
