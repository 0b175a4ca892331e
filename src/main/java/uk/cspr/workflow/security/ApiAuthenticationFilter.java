package uk.cspr.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.cspr.workflow.config.Refusals;

/**
 * Authenticates our own {@code /api/*} endpoints like {@code /engine-rest}: HTTP Basic against the
 * engine's users. Safe (GET) requests may also use the webapp login session, so Cockpit plugins can
 * call them; state-changing requests need Basic credentials, which keeps them out of CSRF reach.
 * The engine's authorization and tenant checks then apply to everything the request does.
 */
@Component
class ApiAuthenticationFilter extends OncePerRequestFilter {

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
    if (!"GET".equals(request.getMethod()) || request.getSession(false) == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    return Optional.ofNullable(authentications)
        .map(auths -> auths.getAuthenticationForProcessEngine(processEngine.getName()))
        .map(Authentication::getName);
  }
}
