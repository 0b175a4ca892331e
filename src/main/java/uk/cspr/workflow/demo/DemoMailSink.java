package uk.cspr.workflow.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import uk.cspr.workflow.cases.FormValues;

/**
 * The embedded mail sink of the demo profile (SPEC §5: the default profile delivers to a sink a
 * person can inspect): a GreenMail SMTP server on 127.0.0.1 that keeps every message in memory.
 * With port 0 it takes a free port and points the application's mail sender at it.
 */
@Component
@ConditionalOnProperty(name = "cspr.demo.mail-sink.enabled", havingValue = "true")
class DemoMailSink implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailSink.class);
  static final String LOOPBACK = "127.0.0.1";

  /** A received message as the sink page and JSON show it (one entry per Message-ID); the body as plain text. */
  public record ReceivedMessage(
      String messageId, String from, List<String> to, List<String> cc, String subject, Instant receivedAt,
      String body, List<String> attachments) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    /** Received time in Europe/London for the page. */
    public String receivedAtText() {
      return receivedAt == null ? "" : SHOWN.format(receivedAt.atZone(FormValues.LONDON));
    }
  }

  private static final Pattern HEAD = Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1\\s*>");
  private static final Pattern BLOCK_END = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|table)\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final int port;
  private final ObjectProvider<JavaMailSender> mailSenders;
  private GreenMail greenMail;

  DemoMailSink(@Value("${cspr.demo.mail-sink.port:2525}") int port, ObjectProvider<JavaMailSender> mailSenders) {
    this.port = port;
    this.mailSenders = mailSenders;
  }

  @Override
  public synchronized void start() {
    ServerSetup setup = new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    try {
      greenMail.start();
    } catch (RuntimeException e) {
      // The application still runs; deliveries then fail, retry and raise incidents (never dropped)
      LOG.error("Demo mail sink could not start on {}:{} ({}); set cspr.demo.mail-sink.port and spring.mail.port "
          + "to a free port, or 0 for any free port", LOOPBACK, port, e.getMessage());
      greenMail.stop();
      greenMail = null;
      return;
    }
    int actualPort = greenMail.getSmtp().getPort();
    if (port == 0 && mailSenders.getIfAvailable() instanceof JavaMailSenderImpl sender) {
      sender.setPort(actualPort);
    }
    LOG.info("Demo mail sink listening on {}:{} (see /mail-sink)", LOOPBACK, actualPort);
  }

  @Override
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return greenMail != null && greenMail.isRunning();
  }

  /** Whether the sink accepts mail (false when its port was taken). */
  synchronized boolean isReceiving() {
    return isRunning();
  }

  /** Starts before the engine's job executor, so early deliveries find it. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }

  /** Received messages, newest first; GreenMail keeps one copy per recipient, shown once. */
  synchronized List<ReceivedMessage> messages() {
    if (greenMail == null) {
      return List.of();
    }
    Map<String, ReceivedMessage> byMessageId = new LinkedHashMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        String messageId = message.getMessageID();
        byMessageId.putIfAbsent(messageId == null ? "(none) " + byMessageId.size() : messageId, received(message));
      } catch (MessagingException | IOException e) {
        LOG.warn("Mail sink could not read a message: {}", e.getMessage());
      }
    }
    List<ReceivedMessage> messages = new ArrayList<>(byMessageId.values());
    messages.sort(Comparator.comparing(ReceivedMessage::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return messages;
  }

  private static ReceivedMessage received(MimeMessage message) throws MessagingException, IOException {
    Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
    return new ReceivedMessage(
        message.getMessageID(),
        addresses(message.getFrom()).stream().findFirst().orElse(null),
        addresses(message.getRecipients(RecipientType.TO)),
        addresses(message.getRecipients(RecipientType.CC)),
        message.getSubject(),
        received == null ? null : received.toInstant(),
        body(message),
        attachments(message));
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  /** The message's text: its plain-text part, else its HTML part as text (the page shows it escaped). */
  static String body(Part part) throws MessagingException, IOException {
    String plain = firstPart(part, "text/plain");
    if (plain != null) {
      return plain.strip();
    }
    String html = firstPart(part, "text/html");
    return html == null ? "" : htmlAsText(html);
  }

  private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return null;
    }
    if (part.isMimeType(mimeType) && part.getContent() instanceof String text) {
      return text;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = firstPart(multipart.getBodyPart(i), mimeType);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  /** Our e-mail bodies (templates/email) as text: head dropped, spaces collapsed, a line per block, entities decoded. */
  static String htmlAsText(String html) {
    String text = SPACES.matcher(HEAD.matcher(html).replaceAll("")).replaceAll(" ");
    text = BLOCK_END.matcher(text).replaceAll("\n");
    return HtmlUtils.htmlUnescape(TAG.matcher(text).replaceAll("")).lines().map(String::strip)
        .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }

  private static List<String> attachments(Part part) throws MessagingException, IOException {
    List<String> names = new ArrayList<>();
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition()) || body.getFileName() != null) {
          names.add(body.getFileName());
        } else {
          names.addAll(attachments(body));
        }
      }
    }
    return names;
  }
}
