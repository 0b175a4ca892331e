package uk.cspr.workflow.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.DmnScriptEngineResolver;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Decisions are FEEL only. JUEL and script languages in a DMN cell can call any Java method
 * (STACK-NOTES), so a table naming another {@code expressionLanguage} anywhere — definitions,
 * input expression, input or output entry, literal expression — is refused before it is parsed or
 * evaluated, and the DMN engines are built without a JUEL or script engine at all, so such a table
 * cannot run even if it were stored. FEEL (feel-scala) has external Java functions disabled by
 * default, and nothing here enables them.
 */
final class FeelOnly {

  private FeelOnly() {}

  /** One plain-English problem per element that names a language other than FEEL. */
  static List<String> problems(DmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    collect(model.getDocument().getRootElement(), problems);
    return problems;
  }

  /** The engine refuses every non-FEEL expression at evaluation time too (defence in depth). */
  static DefaultDmnEngineConfiguration restrict(DefaultDmnEngineConfiguration configuration) {
    configuration.setElProvider(refusingEl());
    configuration.setScriptEngineResolver(refusingScripts());
    configuration.setDefaultInputExpressionExpressionLanguage("feel");
    configuration.setDefaultInputEntryExpressionLanguage("feel");
    configuration.setDefaultOutputEntryExpressionLanguage("feel");
    configuration.setDefaultLiteralExpressionLanguage("feel");
    return configuration;
  }

  static boolean isFeel(String language) {
    return language == null || language.isBlank() || language.toLowerCase(Locale.ROOT).contains("feel");
  }

  private static void collect(DomElement element, List<String> problems) {
    String language = element.getAttribute("expressionLanguage");
    if (!isFeel(language)) {
      String id = element.getAttribute("id");
      problems.add("Only FEEL expressions are allowed: the " + element.getLocalName()
          + (id == null ? "" : " '" + id + "'") + " asks for another expression language.");
    }
    for (DomElement child : element.getChildElements()) {
      collect(child, problems);
    }
  }

  private static ElProvider refusingEl() {
    return expression -> {
      throw new IllegalStateException("Only FEEL expressions are allowed in decision tables.");
    };
  }

  private static DmnScriptEngineResolver refusingScripts() {
    return language -> {
      throw new IllegalStateException("Only FEEL expressions are allowed in decision tables.");
    };
  }
}
