package uk.cspr.workflow.criteria;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The workbench page ({@code /workbench/}, a static page bundled by the front-end build) and the
 * group check in front of {@code /api/criteria/**}. The page holds no data: everything it shows
 * comes from the API with the analyst's credentials.
 */
@Configuration
class WorkbenchWebConfig implements WebMvcConfigurer {

  private final CriteriaAccess access;

  WorkbenchWebConfig(CriteriaAccess access) {
    this.access = access;
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/workbench", "/workbench/");
    registry.addViewController("/workbench/").setViewName("forward:/workbench/index.html");
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        access.requireEditor();
        return true;
      }
    }).addPathPatterns("/api/criteria/**");
  }
}
