package uk.cspr.workflow.correspondence;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SPEC §5 safety: outside an explicitly enabled live profile ({@code cspr.correspondence.live=true},
 * set only by profile {@code live}) no message may leave for a real address, so the SMTP server
 * must be on this machine or a named test mail sink ({@code cspr.correspondence.test-smtp-hosts}). Checked when the application starts – it refuses to start
 * – and again before every delivery (defence in depth: the delivery fails, retries and raises an
 * incident; nothing is silently dropped).
 */
@Component
class MailSafetyGuard implements SmartInitializingSingleton {

  static final String HOST_PROPERTY = "spring.mail.host";
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final boolean live;
  private final List<String> testSmtpHosts;
  private final Environment environment;
  private final ObjectProvider<JavaMailSender> mailSenders;

  MailSafetyGuard(
      CorrespondenceProperties properties, Environment environment, ObjectProvider<JavaMailSender> mailSenders) {
    this.live = properties.live();
    this.testSmtpHosts = properties.testSmtpHosts();
    this.environment = environment;
    this.mailSenders = mailSenders;
    check(environment.getProperty(HOST_PROPERTY), "at start-up");
  }

  /** Start-up check of the mail sender actually configured (it may not come from the property). */
  @Override
  public void afterSingletonsInstantiated() {
    JavaMailSender sender = mailSenders.getIfAvailable();
    if (sender != null) {
      checkBeforeSend(sender);
    }
  }

  /** Throws unless mail may go to the sender's SMTP host. */
  void checkBeforeSend(JavaMailSender sender) {
    String host = sender instanceof JavaMailSenderImpl impl ? impl.getHost() : environment.getProperty(HOST_PROPERTY);
    check(host, "for delivery");
  }

  private void check(String host, String when) {
    if (live || host == null || isLoopback(host) || testSmtpHosts.contains(host.trim())) {
      return;
    }
    throw new IllegalStateException(
        "Refusing to send e-mail " + when + ": " + HOST_PROPERTY + " '" + host + "' is not a loopback host "
            + "(localhost, 127.0.0.1, ::1) nor in cspr.correspondence.test-smtp-hosts, and cspr.correspondence.live "
            + "is not true. Outside the live profile "
            + "mail may only go to a local mail sink (SPEC §5).");
  }

  static boolean isLoopback(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }
}
