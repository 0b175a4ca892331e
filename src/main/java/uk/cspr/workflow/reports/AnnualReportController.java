package uk.cspr.workflow.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.cspr.workflow.cases.CallerScope;
import uk.cspr.workflow.config.InvalidParameterException;
import uk.cspr.workflow.config.Partnerships;

/**
 * {@code GET /api/reports/annual?partnership=&from=&to=} (issue 19.4, 19.5): a partnership's yearly
 * figures as JSON, as CSV (one row per figure, plain-English labels) with {@code Accept:
 * text/csv} or {@code format=csv}, or as the yearly report's PDF ({@link YearlyReportPdf}) with
 * {@code Accept: application/pdf} or {@code format=pdf}. {@code partnership=all}, or none for a caller who reads several,
 * gives every readable partnership side by side. Read-only; authenticated by {@code
 * security.ApiAuthenticationFilter}; who reads what is {@link ReportAccess}'s to decide, then the
 * history is read as the system.
 */
@RestController
class AnnualReportController {

  static final String ALL = "all";
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** What the answer is written as. */
  enum Format { JSON, CSV, PDF }

  /** Several partnerships' figures for one period. */
  record SideBySide(LocalDate from, LocalDate to, List<Figures> partnerships) {}

  private final ReportAccess access;
  private final AnnualFigures figures;
  private final Partnerships partnerships;
  private final CallerScope callerScope;
  private final YearlyReportPdf pdf;

  AnnualReportController(ReportAccess access, AnnualFigures figures, Partnerships partnerships, CallerScope callerScope, YearlyReportPdf pdf) {
    this.access = access;
    this.figures = figures;
    this.partnerships = partnerships;
    this.callerScope = callerScope;
    this.pdf = pdf;
  }

  @GetMapping("/api/reports/annual")
  ResponseEntity<?> annual(
      @RequestParam(required = false) String partnership,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportPeriod period = period(from, to);
    Format answer = format(format, accept);
    List<String> readable = access.readable();
    List<String> chosen = chosen(partnership, readable);
    List<Figures> report = callerScope.asSystem(() -> chosen.stream()
        .map(id -> figures.figures(id, partnerships.get(id).name(), period)).toList());
    String fileName = "yearly-figures-" + period.from() + "-to-" + period.to();
    if (answer == Format.CSV) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
          .body(FiguresCsv.write(report));
    }
    if (answer == Format.PDF) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".pdf\"")
          .body(pdf.pdf(report, period, ClockUtil.getCurrentTime().toInstant()));
    }
    boolean single = report.size() == 1 && !ALL.equals(partnership);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(single ? report.get(0) : new SideBySide(period.from(), period.to(), report));
  }

  /** The partnerships asked for: one the caller reads, all they read, or (none given) theirs. */
  private List<String> chosen(String partnership, List<String> readable) {
    if (partnership == null || partnership.isBlank() || ALL.equals(partnership)) {
      return readable;
    }
    if (partnerships.find(partnership).isEmpty()) {
      throw new InvalidParameterException("partnership", "unknown partnership '" + partnership + "'");
    }
    if (!readable.contains(partnership)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No figures of that partnership that you can see");
    }
    return List.of(partnership);
  }

  private static ReportPeriod period(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return ReportPeriod.financialYearOf(ClockUtil.getCurrentTime().toInstant().atZone(ReportPeriod.LONDON).toLocalDate());
    }
    if (from == null || to == null) {
      throw new InvalidParameterException(from == null ? "from" : "to", "give both the first and the last day of the period");
    }
    if (to.isBefore(from)) {
      throw new InvalidParameterException("to", "must be on or after the first day of the period");
    }
    if (ChronoUnit.DAYS.between(from, to) >= ReportPeriod.LONGEST_DAYS) {
      throw new InvalidParameterException("to", "a period may be at most 5 years long");
    }
    return new ReportPeriod(from, to);
  }

  private static Format format(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "csv" -> Format.CSV;
        case "pdf" -> Format.PDF;
        case "json" -> Format.JSON;
        default -> throw new InvalidParameterException("format", "must be csv, pdf or json");
      };
    }
    if (accept != null && accept.contains("text/csv")) {
      return Format.CSV;
    }
    return accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE) ? Format.PDF : Format.JSON;
  }
}
