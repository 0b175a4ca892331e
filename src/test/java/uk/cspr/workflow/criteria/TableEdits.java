package uk.cspr.workflow.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Analysts' edits to the shipped decision files, as text (what dmn-js or Modeler would save). */
final class TableEdits {

  private TableEdits() {}

  /** The shipped file {@code dmn/<key>.dmn}. */
  static String shipped(String decisionKey) {
    String resource = "dmn/" + decisionKey + ".dmn";
    try (InputStream in = TableEdits.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Not on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code localTimescales} with a partnership's working days for a step changed. */
  static String localTimescales(String ruleSuffix, int workingDays) {
    return outputOf(shipped("localTimescales"), "Rule_" + ruleSuffix, String.valueOf(workingDays));
  }

  /** Replaces the (single) output entry text of a rule. */
  static String outputOf(String xml, String ruleId, String text) {
    Pattern entry = Pattern.compile("(<outputEntry id=\"LiteralExpression_" + Pattern.quote(ruleId) + "_1\">\\s*<text>)[^<]*(</text>)");
    Matcher matcher = entry.matcher(xml);
    if (!matcher.find()) {
      throw new IllegalArgumentException("No output entry of " + ruleId);
    }
    return matcher.replaceFirst("$1" + Matcher.quoteReplacement(text) + "$2");
  }

  /** Replaces the first occurrence of a text, failing when it is absent. */
  static String replace(String xml, String from, String to) {
    if (!xml.contains(from)) {
      throw new IllegalArgumentException("Not in the table: " + from);
    }
    return xml.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
  }
}
