package uk.cspr.workflow.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.cspr.workflow.correspondence.CorrespondenceLog.LogEntry;
import uk.cspr.workflow.criteria.CaseDecisionHistory.Evaluation;

/**
 * Everything about one case in one place (issue 18): who it belongs to, the flows it ran, what
 * happened when and by whom, its deadlines, decisions, correspondence (as its log {@code
 * /api/cases/{caseReference}/correspondence} lists it) and documents, the parallel
 * reviews and their leads, and the action plan. The JSON of
 * {@code GET /api/cases/{caseReference}} and the data of the case page.
 */
public record CaseFile(
    String caseReference,
    String partnership,
    String partnershipName,
    Summary summary,
    String stage,
    List<FlowRun> flows,
    List<Event> timeline,
    List<DeadlineKept> deadlines,
    List<Evaluation> decisions,
    List<LogEntry> correspondence,
    List<Document> documents,
    List<ParallelReviewKept> parallelReviews,
    List<Action> actionPlan,
    List<Recommendation> recommendations,
    Briefing briefing) {

  /**
   * What was recorded at the referral: the referring agency, the children as recorded (age, sex,
   * ethnicity and the yes/no facts of the referral form; the form takes no names) and the
   * partners' outcome by its label.
   */
  public record Summary(String referringAgency, List<Map<String, Object>> children, String outcome) {}

  /** One flow instance of the case: open until it ends. */
  public record FlowRun(String processKey, String name, boolean open, Instant startedAt, Instant endedAt) {}

  /**
   * One thing that happened: {@code kind} is "flow started", "step done", "deadline passed", …;
   * {@code who} is the user id (a stable key for other tools), {@code whoName} their first and last
   * name as the identity service knows them (the id when it does not), both null when no one acted.
   */
  public record Event(Instant at, String kind, String what, String who, String whoName, String processKey) {

    Event(Instant at, String kind, String what, String who, String processKey) {
      this(at, kind, what, who, null, processKey);
    }

    /** This event with its actor's name. */
    Event named(Map<String, String> names) {
      return who == null ? this : new Event(at, kind, what, who, names.getOrDefault(who, who), processKey);
    }
  }

  /**
   * One step with a due date: MET or LATE once done (with the working days it was late), else
   * OVERDUE, DUE_SOON or ON_TRACK with the working days left (negative when overdue).
   */
  public record DeadlineKept(
      String step, String processKey, Instant dueAt, Instant doneAt, DeadlineStatus status, int workingDays) {}

  /**
   * One document attached to the case (issue 18.2): its type as found in its content (PDF, DOCX or
   * ODT), the step it was added to (null: added to the case by the business unit), who added it
   * (user id, and their name as for {@link Event#whoName}), when, and where to
   * download it.
   */
  public record Document(String id, String fileName, String type, long size, String step, String addedBy,
      String addedByName, Instant addedAt, String url) {}

  /**
   * One parallel process (SPEC §3.5) as the case's record keeps it: its code and name, who leads it,
   * its status ({@code IDENTIFIED}, {@code LEAD_NOTIFIED}, {@code AGREED}, {@code TRACKING},
   * {@code PAUSED_FOR_CRIMINAL_PROCEEDINGS}, {@code CLOSED}) and when working was agreed or it closed.
   */
  public record ParallelReviewKept(String review, String name, String leadTitle, String leadAddressee, String status,
      String agreedWith, String agreedAt, String closedAt) {}

  /** One action of the LCSPR's action plan: its owner, due date and status ({@code NOT_STARTED}, {@code IN_PROGRESS}, {@code COMPLETE}). */
  public record Action(String action, String owner, String recommendation, String dueDate, String status) {}

  /**
   * One recommendation of the LCSPR's final report (issue 19.1): R1, R2…, its owner, due date,
   * status ({@code OPEN}, {@code IN_PROGRESS}, {@code IMPLEMENTED}, {@code NOT_ACCEPTED}) and the
   * reason when not accepted, with the actions of the plan that answer it.
   */
  public record Recommendation(String number, String recommendation, String owner, String dueDate, String status,
      String reason, List<String> actions) {}

  /**
   * The 7-minute briefing of the published review (issue 19.3): the path of its PDF (null before
   * publication) and where it was shared.
   */
  public record Briefing(String pdf, List<Sharing> sharings) {}

  /** One sharing of the briefing: with whom, how ({@code EMAIL}, {@code TRAINING}…), on which day, recorded by whom. */
  public record Sharing(String audience, String method, String sharedOn, String recordedBy) {}
}
