package uk.cspr.workflow.reports;

import java.util.List;

/** The figures as CSV (RFC 4180): one row per figure, for a spreadsheet; text that could run as a formula is quoted as text. */
final class FiguresCsv {

  static String write(List<Figures> report) {
    StringBuilder csv = new StringBuilder("Partnership,From,To,Section,Figure,Value\r\n");
    for (Figures figures : report) {
      for (Figures.Row row : figures.rows()) {
        csv.append(cell(figures.partnershipName())).append(',').append(figures.from()).append(',').append(figures.to()).append(',')
            .append(cell(row.section())).append(',').append(cell(row.figure())).append(',').append(cell(String.valueOf(row.value())))
            .append("\r\n");
      }
    }
    return csv.toString();
  }

  private static String cell(String text) {
    String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?") ? "'" + text : text;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  private FiguresCsv() {}
}
