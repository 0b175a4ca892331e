package uk.cspr.workflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user and password of a request's HTTP Basic {@code Authorization} header. */
record BasicCredentials(String user, String password) {

  /** Null without a Basic header; a header that does not decode gives an empty user and password. */
  static BasicCredentials of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new BasicCredentials("", "");
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? new BasicCredentials(decoded, "") : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
