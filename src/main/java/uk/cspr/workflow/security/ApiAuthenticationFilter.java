package uk.cspr.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.cspr.workflow.config.Refusals;

/**
 * Authenticates our own {@code /api/*} endpoints like {@code /engine-rest}: HTTP Basic against the
 * engine's users. Safe (GET) requests may also use the webapp login session, so Cockpit plugins can
 * call them; state-changing requests need Basic credentials, which keeps them out of CSRF reach.
 * One exception, Tasklist's way to add a document (issue 18.2): {@code POST
 * /api/cases/{ref}/documents} takes the session when it carries the session's CSRF token in
 * {@code X-XSRF-TOKEN}, as Camunda's webapps send with every change (their CsrfPreventionFilter
 * keeps the token in the session and gives it to the page in the XSRF-TOKEN cookie, which another
 * site can neither read nor send as a header).
 * The engine's authorization and tenant checks then apply to everything the request does.
 */
@Component
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Pattern DOCUMENT_UPLOAD = Pattern.compile("/api/cases/[A-Za-z0-9-]+/documents");

  private final ProcessEngine processEngine;

  ApiAuthenticationFilter(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> userId = basicUser(request).or(() -> sessionUser(request));
    if (userId.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"cspr\"");
      Refusals.send(response, HttpServletResponse.SC_UNAUTHORIZED, 0, "Authentication required");
      return;
    }
    IdentityService identityService = processEngine.getIdentityService();
    identityService.setAuthentication(
        userId.get(),
        AuthenticationUtil.getGroupsOfUser(processEngine, userId.get()),
        AuthenticationUtil.getTenantsOfUser(processEngine, userId.get()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Optional<String> basicUser(HttpServletRequest request) {
    BasicCredentials credentials = BasicCredentials.of(request);
    return credentials != null && !credentials.user().isEmpty()
        && processEngine.getIdentityService().checkPassword(credentials.user(), credentials.password())
        ? Optional.of(credentials.user())
        : Optional.empty();
  }

  private Optional<String> sessionUser(HttpServletRequest request) {
    boolean allowed = "GET".equals(request.getMethod()) || (isDocumentUpload(request) && hasSessionCsrfToken(request));
    if (!allowed || request.getSession(false) == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    return Optional.ofNullable(authentications)
        .map(auths -> auths.getAuthenticationForProcessEngine(processEngine.getName()))
        .map(Authentication::getName);
  }

  private static boolean isDocumentUpload(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && DOCUMENT_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  /** The header equals the token Camunda's CSRF filter keeps in the session (compared in constant time). */
  private static boolean hasSessionCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return header != null && !header.isEmpty() && token instanceof String expected
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }
}
