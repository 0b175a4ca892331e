package uk.cspr.workflow.learning;

import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.correspondence.LetterPdfRenderer;

/**
 * The 7-minute briefing as a PDF: the Thymeleaf XHTML template {@code
 * templates/briefing/seven-minute-briefing.html}, or the file {@code cspr.learning.briefing-template}
 * names (read at each rendering, so an edit shows at once), rendered by the letters' PDF renderer.
 * Case text is inserted escaped ({@code th:text}).
 */
@Component
class BriefingPdf {

  static final String BUILT_IN = "templates/briefing/seven-minute-briefing.html";
  /** The seven sections' headings, in order. */
  static final Map<String, String> TITLES = titles();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private final TemplateEngine engine = new SpringTemplateEngine();
  private final String template;
  private final LetterPdfRenderer renderer;

  BriefingPdf(BriefingProperties properties, LetterPdfRenderer renderer) {
    this.renderer = renderer;
    if (properties.briefingTemplate() != null) {
      if (!Files.isRegularFile(properties.briefingTemplate())) {
        throw new IllegalStateException("cspr.learning.briefing-template: no file " + properties.briefingTemplate());
      }
      FileTemplateResolver file = new FileTemplateResolver();
      file.setCacheable(false);
      engine.setTemplateResolver(configured(file));
      template = properties.briefingTemplate().toAbsolutePath().toString();
    } else {
      engine.setTemplateResolver(configured(new ClassLoaderTemplateResolver(getClass().getClassLoader())));
      template = BUILT_IN;
    }
  }

  private static AbstractConfigurableTemplateResolver configured(AbstractConfigurableTemplateResolver resolver) {
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    return resolver;
  }

  /** The briefing of case {@code caseReference} with its {@code sections} (see {@link BriefingContent#SECTIONS}). */
  byte[] pdf(String caseReference, String partnershipName, Map<String, String> sections) {
    return renderer.pdf(xhtml(caseReference, partnershipName, sections));
  }

  String xhtml(String caseReference, String partnershipName, Map<String, String> sections) {
    List<Map<String, Object>> shown = new ArrayList<>();
    TITLES.forEach((key, title) -> {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("number", shown.size() + 1);
      section.put("title", title);
      String text = sections.getOrDefault(key, "");
      section.put("lines", Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList());
      shown.add(section);
    });
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("caseReference", caseReference);
    model.put("partnershipName", partnershipName);
    model.put("today", DAY.format(ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON)));
    model.put("sections", shown);
    return engine.process(template, new Context(Locale.UK, model));
  }

  private static Map<String, String> titles() {
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put(BriefingContent.BACKGROUND, "Background");
    titles.put(BriefingContent.THEMES_SECTION, "Themes");
    titles.put(BriefingContent.LEARNING, "What the review found");
    titles.put(BriefingContent.RECOMMENDATIONS, "Recommendations");
    titles.put(BriefingContent.QUESTIONS, "Questions for reflection");
    titles.put(BriefingContent.WHAT_TO_DO, "What to do");
    titles.put(BriefingContent.FURTHER_READING, "Further reading");
    return java.util.Collections.unmodifiableMap(titles);
  }
}
