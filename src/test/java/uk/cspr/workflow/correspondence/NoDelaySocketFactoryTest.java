package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import uk.cspr.workflow.support.SmtpSink;

/** SMTP sockets are opened with TCP_NODELAY, and JavaMail loads the factory by name as configured. */
class NoDelaySocketFactoryTest {

  @Test
  void everySocketHasNoDelay() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      try (Socket unconnected = NoDelaySocketFactory.getDefault().createSocket();
          Socket byName = NoDelaySocketFactory.getDefault().createSocket(loopback.getHostAddress(), server.getLocalPort());
          Socket byAddress = NoDelaySocketFactory.getDefault().createSocket(loopback, server.getLocalPort())) {
        unconnected.connect(new InetSocketAddress(loopback, server.getLocalPort()));
        assertThat(unconnected.getTcpNoDelay()).isTrue();
        assertThat(byName.getTcpNoDelay()).isTrue();
        assertThat(byAddress.getTcpNoDelay()).isTrue();
      }
    }
  }

  @Test
  void javaMailConnectsThroughTheFactoryNamedInTheConfiguration() throws Exception {
    try (SmtpSink sink = SmtpSink.onFreePort().start()) {
      Properties properties = new Properties();
      properties.put("mail.smtp.socketFactory.class", NoDelaySocketFactory.class.getName());
      properties.put("mail.smtp.socketFactory.fallback", "false");
      Transport transport = Session.getInstance(properties).getTransport("smtp");
      transport.connect("127.0.0.1", sink.port(), null, null);
      assertThat(transport.isConnected()).isTrue();
      transport.close();
    }
  }
}
