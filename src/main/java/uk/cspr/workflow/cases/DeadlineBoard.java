package uk.cspr.workflow.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/deadlines}: one row per open case with its flows (and the processes they call),
 * current steps and deadlines, nearest open deadline first. Rows come from the table {@link
 * CaseIndex} keeps in step with the engine on every change, so a request costs a count and a page
 * query whatever the number of cases; the statuses of open deadlines are worked out for the time of
 * the request, and a status filter is a range of the nearest due time ({@link
 * DeadlineRules#onTrackFrom}). The caller sees the cases of their partnerships (tenants) and of the
 * flows whose instances they may read (READ / READ_INSTANCE), as the engine's own queries would.
 */
@Component
public class DeadlineBoard {

  private final CaseRows rows;
  private final CallerScope callerScope;
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  DeadlineBoard(CaseRows rows, CallerScope callerScope, NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.rows = rows;
    this.callerScope = callerScope;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The board: total matching cases and the requested page of them. */
  public record Board(Instant generatedAt, int total, int offset, int limit, List<CaseDeadlines> cases) {}

  /** @param partnership tenant id or null for all the user may see; @param status null for all */
  public Board board(String partnership, DeadlineStatus status, int offset, int limit) {
    return board(partnership, status, rows.rulesNow(), offset, limit);
  }

  /** The caller's page of cases as of the rules' time, nearest deadline first, and how many match. */
  Board board(String partnership, DeadlineStatus status, DeadlineRules rules, int offset, int limit) {
    CallerScope.Scope scope = callerScope.board(Flows.LABELS.keySet());
    List<String> tenants = scope.tenantsWithin(partnership);
    if (scope.processKeys().isEmpty() || (tenants != null && tenants.isEmpty())) {
      return new Board(rules.now(), 0, offset, limit, List.of());
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource("keys", scope.processKeys()).addValue("tenants", tenants);
    StringBuilder where = new StringBuilder(" WHERE process_key IN (:keys)");
    if (tenants != null) {
      where.append(" AND tenant_id IN (:tenants)");
    }
    if (status != null) {
      parameters.addValue("now", SqlTimes.utc(rules.now())).addValue("onTrackFrom", SqlTimes.utc(rules.onTrackFrom()));
      where.append(switch (status) {
        case OVERDUE -> " AND nearest_due_at < :now";
        case DUE_SOON -> " AND nearest_due_at >= :now AND nearest_due_at < :onTrackFrom";
        default -> " AND (nearest_due_at >= :onTrackFrom OR nearest_due_at IS NULL)";
      });
    }
    Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM " + CaseIndex.TABLE + where, parameters, Integer.class);
    parameters.addValue("offset", offset).addValue("limit", limit);
    List<CaseDeadlines> page = jdbc.query(
        "SELECT case_row FROM " + CaseIndex.TABLE + where
            + " ORDER BY nearest_due_at ASC NULLS LAST, case_reference ASC LIMIT :limit OFFSET :offset",
        parameters, (rs, i) -> read(rs.getString(1)).asOf(rules));
    return new Board(rules.now(), total == null ? 0 : total, offset, limit, page);
  }

  private CaseDeadlines read(String row) {
    try {
      return json.readValue(row, CaseDeadlines.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable board row: " + e.getOriginalMessage(), e);
    }
  }
}
