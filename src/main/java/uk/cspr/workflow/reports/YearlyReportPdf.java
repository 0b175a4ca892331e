package uk.cspr.workflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.correspondence.PdfDocuments;

/**
 * The yearly report as a PDF (issue 19.4): title, the partnerships by name, the period, and every
 * section of the figures as a table, one column per partnership (side by side for several), from
 * {@link Figures#tables()} so each section the figures have is in it. Rendered by the letters'
 * renderer ({@code templates/documents/yearlyReport.html}).
 */
@Component
class YearlyReportPdf {

  static final String TEMPLATE = "yearlyReport";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  static final String NOTHING_TO_MEASURE = "none to measure";

  /** A section with one value per partnership on each line. */
  record Section(String title, List<Line> lines) {}

  record Line(String label, List<String> values) {}

  private final PdfDocuments documents;

  YearlyReportPdf(PdfDocuments documents) {
    this.documents = documents;
  }

  byte[] pdf(List<Figures> report, ReportPeriod period, Instant now) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("partnerships", report.stream().map(Figures::partnershipName).toList());
    model.put("from", DAY.format(period.from()));
    model.put("to", DAY.format(period.to()));
    model.put("generatedOn", DAY.format(LocalDate.ofInstant(now, ReportPeriod.LONDON)));
    model.put("sections", sections(report));
    return documents.pdf(TEMPLATE, model);
  }

  /** The sections and lines of every partnership's figures, in order; a value a partnership lacks is blank. */
  static List<Section> sections(List<Figures> report) {
    Map<String, Map<String, String[]>> sections = new LinkedHashMap<>();
    for (int column = 0; column < report.size(); column++) {
      for (Figures.Table table : report.get(column).tables()) {
        Map<String, String[]> lines = sections.computeIfAbsent(table.title(), title -> new LinkedHashMap<>());
        for (Figures.Line line : table.lines()) {
          lines.computeIfAbsent(line.label(), label -> new String[report.size()])[column] = shown(line.value());
        }
      }
    }
    List<Section> result = new ArrayList<>();
    sections.forEach((title, lines) -> result.add(new Section(title, lines.entrySet().stream()
        .map(line -> new Line(line.getKey(), java.util.Arrays.stream(line.getValue()).map(v -> v == null ? "" : v).toList()))
        .toList())));
    return result;
  }

  private static String shown(Object value) {
    if (value == null) {
      return NOTHING_TO_MEASURE;
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(value);
  }
}
