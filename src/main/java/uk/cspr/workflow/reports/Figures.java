package uk.cspr.workflow.reports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partnership's yearly figures: sections of named counts (JSON, {@code notifications.referralsReceived})
 * and the same figures as rows with plain-English labels (CSV, "Referrals received").
 */
record Figures(String partnership, String partnershipName, LocalDate from, LocalDate to, Map<String, Map<String, Object>> sections,
    @JsonIgnore List<Row> rows) {

  /** One figure as a person reads it. */
  record Row(String section, String figure, Object value) {}

  /** Collects the figures section by section, in the order they are added. */
  static final class Builder {
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private Map<String, Object> section;
    private String sectionLabel;

    Builder section(String key, String label) {
      section = new LinkedHashMap<>();
      sections.put(key, section);
      sectionLabel = label;
      return this;
    }

    /** A single figure (a count, or a median; null when there is nothing to take it of). */
    Builder figure(String key, String label, Object value) {
      section.put(key, value);
      rows.add(new Row(sectionLabel, label, value == null ? "" : value));
      return this;
    }

    /** Counts by kind: {@code key: {CODE: n}} and one row per kind, "label: kind label". */
    Builder byKind(String key, String label, Map<String, Long> counts, Map<String, String> kindLabels) {
      section.put(key, new LinkedHashMap<>(counts));
      counts.forEach((code, count) -> rows.add(new Row(sectionLabel, label + ": " + kindLabels.getOrDefault(code, code), count)));
      return this;
    }

    Figures build(String partnership, String partnershipName, ReportPeriod period) {
      return new Figures(partnership, partnershipName, period.from(), period.to(), sections, List.copyOf(rows));
    }
  }
}
