package uk.cspr.workflow.config;

/** Text people typed, made safe for one log line. */
public final class LogText {

  private static final int MAX_LENGTH = 300;

  private LogText() {}

  /** On one line, control and line-separator characters escaped ("\\u000D"), at most 300 characters. */
  public static String neutralised(String text) {
    String value = String.valueOf(text);
    StringBuilder line = new StringBuilder();
    int i = 0;
    for (; i < value.length() && line.length() < MAX_LENGTH; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
        line.append(String.format("\\u%04X", (int) c));
      } else {
        line.append(c);
      }
    }
    return i < value.length() ? line + " …" : line.toString();
  }
}
