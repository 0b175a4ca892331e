package uk.cspr.workflow.learning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The themes recorded for each case ({@code cspr_case_theme}, issue 19.1): written in the
 * transaction that completes the recording step, so a refused step leaves nothing; a new record of
 * the same review replaces the earlier one. Every query names the partnership (tenant).
 */
@Component
public class CaseThemes {

  /** The review that recorded a case's themes. */
  public enum Review { RAPID_REVIEW, LCSPR }

  private final NamedParameterJdbcTemplate jdbc;

  CaseThemes(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the review's themes of the case with {@code codes}. */
  public void replace(String caseReference, String tenantId, Review review, Collection<String> codes, Instant at, String by) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("ref", caseReference).addValue("review", review.name());
    jdbc.update("DELETE FROM cspr_case_theme WHERE case_reference = :ref AND review = :review", parameters);
    MapSqlParameterSource[] rows = new TreeSet<>(codes).stream()
        .map(code -> new MapSqlParameterSource("ref", caseReference).addValue("tenant", tenantId).addValue("review", review.name())
            .addValue("code", code).addValue("at", utc(at)).addValue("by", by))
        .toArray(MapSqlParameterSource[]::new);
    jdbc.batchUpdate("INSERT INTO cspr_case_theme (case_reference, tenant_id, review, theme_code, recorded_at, recorded_by) "
        + "VALUES (:ref, :tenant, :review, :code, :at, :by)", rows);
  }

  /** The partnership (tenant) of a case whose themes were recorded. */
  public Optional<String> partnershipOf(String caseReference) {
    return jdbc.queryForList("SELECT DISTINCT tenant_id FROM cspr_case_theme WHERE case_reference = :ref",
        new MapSqlParameterSource("ref", caseReference), String.class).stream().findFirst();
  }

  /** The case's themes as last recorded: the LCSPR's when it recorded them, else the rapid review's. */
  public List<String> of(String caseReference) {
    return jdbc.queryForList("SELECT theme_code FROM cspr_case_theme t WHERE case_reference = :ref AND (review = 'LCSPR' "
        + "OR NOT EXISTS (SELECT 1 FROM cspr_case_theme l WHERE l.case_reference = t.case_reference AND l.review = 'LCSPR')) "
        + "ORDER BY theme_code", new MapSqlParameterSource("ref", caseReference), String.class);
  }

  /**
   * For each of {@code codes}: the partnership's other cases whose themes, as last recorded and
   * recorded at or after {@code since}, include it (references in order); codes of no other case
   * are left out.
   */
  public Map<String, List<String>> earlierCases(String tenantId, String caseReference, Collection<String> codes, Instant since) {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    if (codes.isEmpty()) {
      return cases;
    }
    jdbc.query("SELECT DISTINCT theme_code, case_reference FROM cspr_case_theme t WHERE tenant_id = :tenant "
            + "AND case_reference <> :ref AND theme_code IN (:codes) AND recorded_at >= :since AND (review = 'LCSPR' "
            + "OR NOT EXISTS (SELECT 1 FROM cspr_case_theme l WHERE l.case_reference = t.case_reference AND l.review = 'LCSPR')) "
            + "ORDER BY theme_code, case_reference",
        new MapSqlParameterSource("tenant", tenantId).addValue("ref", caseReference).addValue("codes", codes)
            .addValue("since", utc(since)),
        row -> {
          cases.computeIfAbsent(row.getString(1), code -> new ArrayList<>()).add(row.getString(2));
        });
    return cases;
  }

  /** How many of the partnership's cases had each theme recorded in [from, to), by any review. */
  public Map<String, Long> casesByTheme(String tenantId, Instant from, Instant to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query("SELECT theme_code, COUNT(DISTINCT case_reference) FROM cspr_case_theme WHERE tenant_id = :tenant "
            + "AND recorded_at >= :from AND recorded_at < :to GROUP BY theme_code",
        new MapSqlParameterSource("tenant", tenantId).addValue("from", utc(from)).addValue("to", utc(to)),
        row -> {
          counts.put(row.getString(1), row.getLong(2));
        });
    return counts;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
