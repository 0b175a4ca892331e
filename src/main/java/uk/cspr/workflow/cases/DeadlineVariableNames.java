package uk.cspr.workflow.cases;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;

/**
 * The names deadline variables can have, so the board reads them with an indexed {@code NAME_ IN
 * (…)} instead of a leading-wildcard {@code LIKE '%DueAt'} (20 to 30 times faster on H2): every
 * {@code *DueAt} name a deployed model mentions, and every {@code *DueAt} String constant of the
 * application (CONVENTIONS: each flow's backing class holds its variable names, so Java code that
 * sets a deadline names it there, e.g. {@code lcsprPublicationDueAt}).
 */
@Component
class DeadlineVariableNames {

  static final String BASE_PACKAGE = "uk.cspr.workflow";

  private volatile Set<String> constants;

  Set<String> names(Collection<FlowModel> models) {
    Set<String> names = new TreeSet<>(constants());
    models.forEach(model -> names.addAll(model.mentionedDueVariables()));
    return names;
  }

  private Set<String> constants() {
    Set<String> found = constants;
    if (found == null) {
      found = scan();
      constants = found;
    }
    return found;
  }

  private static Set<String> scan() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> true);
    Set<String> names = new TreeSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
      try {
        Class<?> type = Class.forName(definition.getBeanClassName(), false, DeadlineVariableNames.class.getClassLoader());
        collect(type, names);
        for (Class<?> nested : type.getDeclaredClasses()) {
          collect(nested, names);
        }
      } catch (ClassNotFoundException | LinkageError notLoadable) {
        // not part of the running application
      }
    }
    return Set.copyOf(names);
  }

  private static void collect(Class<?> type, Set<String> names) {
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          Object value = field.get(null);
          if (value instanceof String name && name.endsWith("DueAt") && name.matches("[A-Za-z_]\\w*")) {
            names.add(name);
          }
        } catch (IllegalAccessException | RuntimeException notReadable) {
          // skip
        }
      }
    }
  }
}
