package uk.cspr.workflow.reports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partnership's yearly figures: sections of named counts (JSON, {@code notifications.referralsReceived})
 * and the same figures as tables with plain-English labels ({@code tables}: what the Cockpit page, the
 * PDF and, row by row, the CSV show), so a new section appears in all of them without more code.
 */
record Figures(String partnership, String partnershipName, LocalDate from, LocalDate to, Map<String, Map<String, Object>> sections,
    List<Table> tables) {

  /** One section as a person reads it: its title and its figures in order. */
  record Table(String section, String title, List<Line> lines) {}

  /** One figure: its label, its value (null when there is nothing to take a median of), and whether it is a count. */
  record Line(String label, Object value, boolean count) {}

  /** One figure with its section's title (a CSV row). */
  record Row(String section, String figure, Object value) {}

  /** Every figure, section by section. */
  @JsonIgnore
  List<Row> rows() {
    return tables.stream()
        .flatMap(table -> table.lines().stream().map(line -> new Row(table.title(), line.label(), line.value() == null ? "" : line.value())))
        .toList();
  }

  /** Collects the figures section by section, in the order they are added. */
  static final class Builder {
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private Map<String, Object> section;
    private List<Line> lines;

    Builder section(String key, String label) {
      section = new LinkedHashMap<>();
      sections.put(key, section);
      lines = new ArrayList<>();
      tables.add(new Table(key, label, lines));
      return this;
    }

    /** A single figure (a count, or a median; null when there is nothing to take it of). */
    Builder figure(String key, String label, Object value) {
      section.put(key, value);
      lines.add(new Line(label, value, value instanceof Long || value instanceof Integer));
      return this;
    }

    /** Counts by kind: {@code key: {CODE: n}} and one line per kind, "label: kind label". */
    Builder byKind(String key, String label, Map<String, Long> counts, Map<String, String> kindLabels) {
      section.put(key, new LinkedHashMap<>(counts));
      counts.forEach((code, count) -> lines.add(new Line(label + ": " + kindLabels.getOrDefault(code, code), count, true)));
      return this;
    }

    Figures build(String partnership, String partnershipName, ReportPeriod period) {
      List<Table> done = tables.stream().map(t -> new Table(t.section(), t.title(), List.copyOf(t.lines()))).toList();
      return new Figures(partnership, partnershipName, period.from(), period.to(), sections, done);
    }
  }
}
