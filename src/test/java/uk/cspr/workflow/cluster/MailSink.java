package uk.cspr.workflow.cluster;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared SMTP server of the cluster tests (GreenMail on a fixed loopback port). It can be
 * stopped and started to simulate a mail server outage; GreenMail forgets its messages when it
 * stops, so the store of every run is kept and counted too.
 */
final class MailSink implements AutoCloseable {

  private final int port;
  private final List<Managers> stoppedStores = new ArrayList<>();
  private GreenMail greenMail;

  MailSink(int port) {
    this.port = port;
  }

  int port() {
    return port;
  }

  synchronized void start() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  /** Outage: the port refuses connections until {@link #start()}. */
  synchronized void stop() {
    if (greenMail != null) {
      Managers store = greenMail.getManagers();
      greenMail.stop();
      stoppedStores.add(store);
      greenMail = null;
    }
  }

  /**
   * Copies received per Message-ID. GreenMail keeps one copy per recipient, so one delivery of a
   * message to n addressees counts n.
   */
  synchronized Map<String, Integer> copiesByMessageId() {
    Map<String, Integer> copies = new HashMap<>();
    List<Managers> stores = new ArrayList<>(stoppedStores);
    if (greenMail != null) {
      stores.add(greenMail.getManagers());
    }
    for (Managers store : stores) {
      for (StoredMessage message : store.getImapHostManager().getAllMessages()) {
        copies.merge(messageId(message), 1, Integer::sum);
      }
    }
    return copies;
  }

  private static String messageId(StoredMessage message) {
    try {
      return message.getMimeMessage().getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
