package uk.cspr.workflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server on a free loopback port for integration tests (GreenMail; SPEC §5 allows only
 * loopback hosts outside the live profile), with helpers to read what it received. Point the
 * application at it with {@link #register}.
 */
public final class SmtpSink implements AutoCloseable {

  private final GreenMail greenMail;
  private final int port;

  private SmtpSink(int port) {
    this.port = port;
    this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** A sink on a free port, not yet started: take its port for the Spring properties, then {@link #start()}. */
  public static SmtpSink onFreePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return new SmtpSink(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Points the application at this sink (call from a {@code @DynamicPropertySource} method). */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", this::port);
  }

  public SmtpSink start() {
    greenMail.start();
    return this;
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** Waits until at least {@code count} copies arrived (GreenMail keeps one copy per recipient). */
  public boolean await(int count, long millis) {
    return greenMail.waitForIncomingEmail(millis, count);
  }

  /** Every copy received so far. */
  public MimeMessage[] received() {
    return greenMail.getReceivedMessages();
  }

  /** The received copies with this subject. */
  public List<MimeMessage> withSubject(String subject) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> subject.equals(subject(message))).toList();
  }

  public static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  /** The parts of a multipart message sent as attachments, in order. */
  public static List<BodyPart> attachments(MimeMessage message) throws MessagingException, IOException {
    List<BodyPart> parts = new ArrayList<>();
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** The text of a PDF attachment. */
  public static String pdfText(BodyPart pdf) throws MessagingException, IOException {
    try (PDDocument document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return null;
    }
  }
}
