package uk.cspr.workflow.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of file a case takes (issue 18.2), told by their content, never by their name: PDF
 * starts with {@code %PDF-}; an OpenDocument text is a ZIP whose first entry, stored uncompressed,
 * is {@code mimetype} holding its media type (ODF 1.2 part 3, 3.3); a Word document is a ZIP with
 * {@code [Content_Types].xml} and a {@code word/} part (ECMA-376 part 2). ZIPs are read by their
 * central directory only: nothing is decompressed.
 */
public enum DocumentType {
  PDF("application/pdf", ".pdf", "PDF"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word document"),
  ODT("application/vnd.oasis.opendocument.text", ".odt", "OpenDocument text");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  /** The first local file header is 30 bytes; its name and then its stored content follow. */
  private static final byte[] ODT_MAGIC = ("mimetype" + "application/vnd.oasis.opendocument.text").getBytes(StandardCharsets.US_ASCII);
  private static final int ODT_MAGIC_AT = 30;

  private final String contentType;
  private final String extension;
  private final String label;

  DocumentType(String contentType, String extension, String label) {
    this.contentType = contentType;
    this.extension = extension;
    this.label = label;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** How people call it ("Word document"). */
  public String label() {
    return label;
  }

  /** The type the content is, or empty when it is none of them. */
  public static Optional<DocumentType> of(byte[] content) {
    if (startsWith(content, 0, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (!startsWith(content, 0, ZIP_MAGIC)) {
      return Optional.empty();
    }
    List<String> names = zipEntryNames(content);
    if (startsWith(content, ODT_MAGIC_AT, ODT_MAGIC) && !names.isEmpty() && names.get(0).equals("mimetype")) {
      return Optional.of(ODT);
    }
    if (names.contains("[Content_Types].xml") && names.stream().anyMatch(name -> name.startsWith("word/"))) {
      return Optional.of(DOCX);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
    return content.length >= offset + prefix.length
        && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  /** The entry names of a ZIP's central directory, in order; none when it is not a readable ZIP. */
  private static List<String> zipEntryNames(byte[] content) {
    Path file = null;
    try {
      file = Files.createTempFile("cspr-document", ".zip");
      Files.write(file, content);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        return zip.stream().map(ZipEntry::getName).toList();
      }
    } catch (IOException | RuntimeException notAZip) {
      return Collections.emptyList();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is removed with the temporary directory
        }
      }
    }
  }
}
