package uk.cspr.workflow.correspondence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * SMTP sockets with TCP_NODELAY. Without it the last small write of a message (the end of DATA)
 * waits for the server's delayed ACK, about 40 ms per delivery. JavaMail loads it by name
 * ({@code mail.smtp.socketFactory.class}, so public with a static {@link #getDefault()}); STARTTLS
 * layers TLS over these sockets.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
