package uk.cspr.workflow.correspondence;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Letters are generated documents (SPEC §5): the rendered XHTML becomes an A4 PDF. The XHTML is
 * parsed here, by the same parser for the step's check and for rendering, so a letter that passed
 * {@link #checkWellFormed} when queued also parses when the delivery job renders it.
 */
@Component
public class LetterPdfRenderer {

  /**
   * Font metrics shared by every letter (a ConcurrentHashMap, so thread-safe). It holds fonts
   * registered with {@code useFont}; the PDF base-14 fonts the letters use today need no metrics.
   */
  private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();
  private final DocumentBuilderFactory xml = xmlParsers();

  public LetterPdfRenderer() {
    PdfLibraryLog.install();
  }

  /** Throws unless {@code xhtml} is well-formed: a template error then fails the step that queues it. */
  void checkWellFormed(String xhtml) {
    parse(xhtml);
  }

  public byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
      builder.withW3cDocument(parse(xhtml), null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Letter could not be rendered to PDF", e);
    }
    return out.toByteArray();
  }

  private Document parse(String xhtml) {
    try {
      return newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("Letter is not well-formed XHTML: " + e.getMessage(), e);
    }
  }

  /** A factory's builders are cheap but the factory is not documented as thread-safe. */
  private synchronized DocumentBuilder newDocumentBuilder() {
    try {
      DocumentBuilder builder = xml.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors instead of printing them
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JDK's parser; no DTD or external entity is loaded (templates may come from a directory). */
  private static DocumentBuilderFactory xmlParsers() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }
}
