package uk.cspr.workflow.cases;

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
        throw refused(field, i, "an incomplete character");
      } else if (multiLine && (c == '\t' || c == '\r' || c == '\n')) {
        continue;
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF') {
        throw refused(field, i, multiLine ? "a control character" : "a line break or control character");
      }
    }
  }

  private static InvalidCaseDataException refused(String field, int index, String what) {
    return new InvalidCaseDataException(field, String.format(
        "contains %s at character %d, which cannot go into a letter: remove it", what, index + 1));
  }
}
