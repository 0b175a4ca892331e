package uk.cspr.workflow.correspondence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the e-mail bodies ({@code templates/email/<id>.html}) and letters ({@code
 * templates/letters/<id>.html}) of SPEC §5, and other generated documents ({@code templates/documents/<id>.html}) with Thymeleaf in HTML mode. Text is always escaped
 * ({@code th:text}); case data never goes through {@code th:utext}. Templates in {@code
 * cspr.correspondence.template-directory}, when set, override the built-in ones.
 */
@Component
class CorrespondenceTemplates {

  static final String EMAIL = "email";
  static final String LETTERS = "letters";
  static final String DOCUMENTS = "documents";

  /** Template ids are plain names: no paths, so an input parameter cannot reach other files. */
  private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

  private final TemplateEngine engine;
  private final Path overrideDirectory;

  CorrespondenceTemplates(CorrespondenceProperties properties) {
    this.overrideDirectory = properties.templateDirectory();
    this.engine = new SpringTemplateEngine();
    int order = 1;
    if (overrideDirectory != null) {
      FileTemplateResolver files = new FileTemplateResolver();
      files.setPrefix(overrideDirectory.toAbsolutePath() + "/");
      configure(files, order++);
      files.setCheckExistence(true);
      files.setCacheable(false);
      engine.addTemplateResolver(files);
    }
    ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver(getClass().getClassLoader());
    classpath.setPrefix("templates/");
    configure(classpath, order);
    engine.addTemplateResolver(classpath);
  }

  private static void configure(org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver resolver, int order) {
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
  }

  /** The e-mail body (HTML) of template {@code id}. */
  String email(String id, Map<String, Object> model) {
    return render(EMAIL, id, model);
  }

  /** The letter {@code id} as XHTML, ready for the PDF renderer. */
  String letter(String id, Map<String, Object> model) {
    return render(LETTERS, id, model);
  }

  /** The document {@code id} ({@code templates/documents/}, e.g. the yearly report) as XHTML, ready for the PDF renderer. */
  String document(String id, Map<String, Object> model) {
    return render(DOCUMENTS, id, model);
  }

  private String render(String folder, String id, Map<String, Object> model) {
    String name = folder + "/" + checkedId(id);
    if (!exists(name)) {
      throw new IllegalArgumentException("No " + folder + " template '" + id + "' (templates/" + name + ".html)");
    }
    return engine.process(name, new Context(Locale.UK, model));
  }

  private boolean exists(String name) {
    if (overrideDirectory != null && Files.isRegularFile(overrideDirectory.resolve(name + ".html"))) {
      return true;
    }
    return new ClassPathResource("templates/" + name + ".html", getClass().getClassLoader()).exists();
  }

  static String checkedId(String id) {
    if (id == null || !TEMPLATE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Invalid template id: '" + id + "'");
    }
    return id;
  }
}
