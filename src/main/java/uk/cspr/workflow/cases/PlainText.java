package uk.cspr.workflow.cases;

import java.util.Locale;

/**
 * The one rule for free text people type: it must be able to go into a letter (XML/PDF) and a log
 * line. Refused: control characters (NUL, ESC, DEL, C1 …) and lone surrogates; tab, CR and LF only
 * in multi-line text. Called by {@link FormValues#text}, which every form and API submission uses.
 */
public final class PlainText {

  private PlainText() {}

  /** @throws InvalidCaseDataException naming the field and the first bad character */
  public static void check(String field, String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw refused(field, c, i, "an incomplete character (lone surrogate)");
      } else if (multiLine && (c == '\t' || c == '\r' || c == '\n')) {
        continue;
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF') {
        throw refused(field, c, i, multiLine ? "a control character" : "a line break or control character");
      }
    }
  }

  /** "referringAgency" -> "Referring agency"; "children[2].ethnicity" -> "Ethnicity (children[2])". */
  public static String label(String field) {
    int dot = field.lastIndexOf('.');
    String name = field.substring(dot + 1);
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    String label = words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    return dot < 0 ? label : label + " (" + field.substring(0, dot) + ")";
  }

  private static InvalidCaseDataException refused(String field, char c, int index, String what) {
    return new InvalidCaseDataException(field, String.format(
        "%s contains %s (U+%04X) at character %d, which cannot go into a letter; please remove it",
        label(field), what, (int) c, index + 1));
  }
}
