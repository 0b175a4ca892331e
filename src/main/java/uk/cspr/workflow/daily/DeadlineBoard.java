package uk.cspr.workflow.daily;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/deadlines}: one row per open case with its flows (and the processes they call),
 * current steps and deadlines, nearest open deadline first. Rows come from {@link CaseIndex}, kept
 * in step with the engine on every change, so a request costs two indexed queries whatever the
 * number of cases; the statuses of open deadlines are worked out for the time of the request. The
 * caller sees the cases of their partnerships (tenants) and of the flows whose instances they may
 * read (READ / READ_INSTANCE), as the engine's own queries would decide.
 */
@Component
class DeadlineBoard {

  private final CaseIndex index;
  private final CaseRows rows;

  DeadlineBoard(CaseIndex index, CaseRows rows) {
    this.index = index;
    this.rows = rows;
  }

  /** The board: total matching cases and the requested page of them. */
  record Board(Instant generatedAt, int total, int offset, int limit, List<CaseDeadlines> cases) {}

  /** @param partnership tenant id or null for all the user may see; @param status null for all */
  Board board(String partnership, DeadlineStatus status, int offset, int limit) {
    return index.page(partnership, status, rows.rulesNow(), offset, limit);
  }
}
