package uk.cspr.workflow.cases;

import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.workflow.config.InvalidParameterException;
import uk.cspr.workflow.config.Partnerships;

/**
 * The statutory deadlines of open cases and how deadlines were kept (issue "Tasklist and Cockpit
 * as the daily tools"). Authenticated by {@code security.ApiAuthenticationFilter} (HTTP Basic, or
 * the webapp session for these GETs, which the Cockpit plugin uses); the engine then shows each
 * user only their partnerships' cases and what their grants allow: a user without READ_INSTANCE
 * gets an empty list, not an error. Bad parameters answer 400 in the shared shape ({@code
 * config.ApiErrors}).
 */
@RestController
class DeadlineController {

  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 5000;

  private final DeadlineBoard board;
  private final DeadlineSummary summary;
  private final Partnerships partnerships;

  DeadlineController(DeadlineBoard board, DeadlineSummary summary, Partnerships partnerships) {
    this.board = board;
    this.summary = summary;
    this.partnerships = partnerships;
  }

  @GetMapping("/api/deadlines")
  DeadlineBoard.Board deadlines(
      @RequestParam(required = false) String partnership,
      @RequestParam(defaultValue = "ALL") String status,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    if (offset < 0) {
      throw new InvalidParameterException("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return board.board(partnership(partnership), status(status), offset, limit);
  }

  @GetMapping("/api/deadlines/summary")
  DeadlineSummary.Summary summary(
      @RequestParam(defaultValue = "12") int months, @RequestParam(required = false) String partnership) {
    if (months < 1 || months > 36) {
      throw new InvalidParameterException("months", "must be between 1 and 36");
    }
    return summary.summary(months, partnership(partnership));
  }

  private String partnership(String partnership) {
    if (partnership == null || partnership.isBlank()) {
      return null;
    }
    if (partnerships.find(partnership).isEmpty()) {
      throw new InvalidParameterException("partnership", "unknown partnership '" + partnership + "'");
    }
    return partnership;
  }

  /** OVERDUE, DUE_SOON, ON_TRACK, or ALL (null). */
  private static DeadlineStatus status(String status) {
    String code = status.strip().toUpperCase(Locale.ROOT);
    if (code.equals("ALL")) {
      return null;
    }
    try {
      DeadlineStatus parsed = DeadlineStatus.valueOf(code);
      if (parsed.open()) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidParameterException("status", "must be one of OVERDUE, DUE_SOON, ON_TRACK, ALL");
  }
}
