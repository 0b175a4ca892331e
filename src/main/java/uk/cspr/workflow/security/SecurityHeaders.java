package uk.cspr.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser protections on every page and API of ours ({@code /api}, {@code /engine-rest}, {@code
 * /workbench}, the case page, {@code /mail-sink}, errors): no content sniffing, no framing, a Content-Security-Policy
 * and no referrer. Camunda's webapps under {@code /camunda} set their own policy
 * (camunda.bpm.webapp.header-security). HSTS on every response when {@code cspr.security.hsts} is
 * on (profile live).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

  /** JSON, PDF, CSV: nothing may load, run or frame. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  /** The workbench page: its own bundle; dmn-js sets inline styles and embeds its icon font. */
  static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /**
   * The case page (issue 18.1): its own script and style sheet, and calls to our API; no inline
   * script or style, nothing from elsewhere.
   */
  static final String CASE_PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
      + "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** The demo mail sink page: its own inline styles, nothing else (no script, no image). */
  static final String MAIL_SINK_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * A letter (PDF) opened in the browser: Chromium's PDF viewer embeds the document in a page of
   * its own and frames it, which object-src and frame-ancestors 'none' block (crbug.com/271452);
   * still nothing may run, and only our own pages may frame it.
   */
  static final String LETTER_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; "
      + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
  private static final Pattern LETTER = Pattern.compile("/api/cases/[^/]+/correspondence/[^/]+/attachments/[^/]+");

  private final boolean hsts;

  SecurityHeaders(@Value("${cspr.security.hsts:false}") boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/")) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", LETTER.matcher(path).matches() ? "SAMEORIGIN" : "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Content-Security-Policy", policy(path));
    }
    if (hsts) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }

  private static String policy(String path) {
    if (path.startsWith("/workbench")) {
      return PAGE_POLICY;
    }
    if (LETTER.matcher(path).matches()) {
      return LETTER_POLICY;
    }
    if (path.startsWith("/cases/") || path.startsWith("/case/")) {
      return CASE_PAGE_POLICY;
    }
    return path.equals("/mail-sink") ? MAIL_SINK_POLICY : API_POLICY;
  }
}
