package uk.cspr.workflow.correspondence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.cspr.workflow.cases.CodeLabels;

/**
 * Helpers that templates call as {@code ${fmt.date(incidentDate)}}: en-GB dates in Europe/London
 * and plain-English labels for the codes of the notification flow. Every method accepts null and
 * then returns an empty string (or "Not recorded"), so a letter renders with data missing.
 */
public final class TemplateFormat {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  /** Camunda's REST/JSON date format, e.g. 2027-01-05T10:00:00.000+0000. */
  private static final DateTimeFormatter CAMUNDA =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT);
  private static final String NOT_RECORDED = "Not recorded";

  private static final Map<String, String> OUTCOMES =
      Map.of(
          "NOTIFY_AND_RAPID_REVIEW", "Notify the Child Safeguarding Practice Review Panel and undertake a rapid review",
          "NO_FURTHER_ACTION", "No notification to the Panel and no further action",
          "SINGLE_AGENCY_REVIEW", "No notification to the Panel; single agency review",
          "MULTI_AGENCY_REVIEW", "No notification to the Panel; multi-agency (non-statutory) review");

  private static final Map<String, String> DUTIES =
      Map.of(
          "NOTIFY_PANEL", "The local authority notifies the Child Safeguarding Practice Review Panel within 5 working days",
          "REPORT_TO_SAFEGUARDING_PARTNERS", "The local authority reports the incident to the safeguarding partners within 5 working days",
          "RAPID_REVIEW", "The safeguarding partners undertake a rapid review",
          "NOTIFY_SECRETARY_OF_STATE_AND_OFSTED", "Death of a looked-after child: notify the Secretary of State and Ofsted",
          "NOTIFY_OFSTED_AND_DFE_CARE_LEAVER_DEATH", "Death of a care leaver: notify Ofsted and the Department for Education");

  /** "5 January 2027" for a Date, java.time value or ISO-8601 string; other strings unchanged. */
  public String date(Object value) {
    Object parsed = parse(value);
    if (parsed instanceof ZonedDateTime zoned) {
      return DATE.format(zoned);
    }
    if (parsed instanceof LocalDate local) {
      return DATE.format(local);
    }
    return value == null ? "" : value.toString();
  }

  /** "5 January 2027 at 14:30" (Europe/London); a date without time gives the date alone. */
  public String dateTime(Object value) {
    Object parsed = parse(value);
    if (parsed instanceof ZonedDateTime zoned) {
      return DATE.format(zoned) + " at " + TIME.format(zoned);
    }
    return date(value);
  }

  /**
   * A code such as {@code FEMALE} or {@code SYSTEMS_APPROACH} by the label its form gives it
   * ({@link CodeLabels}), else in words; other text unchanged; "Not recorded" for none.
   */
  public String label(Object value) {
    if (value == null || value.toString().isBlank()) {
      return NOT_RECORDED;
    }
    String text = value.toString();
    return text.matches("[A-Z0-9_]+") ? CodeLabels.packaged().getOrDefault(text, humanise(text)) : text;
  }

  /** Yes / No / Not recorded. */
  public String yesNo(Object value) {
    if (value instanceof Boolean bool) {
      return bool ? "Yes" : "No";
    }
    if (value != null && ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString()))) {
      return Boolean.parseBoolean(value.toString()) ? "Yes" : "No";
    }
    return NOT_RECORDED;
  }

  /** The value as text, or "Not recorded" when null or blank. */
  public String text(Object value) {
    return value == null || value.toString().isBlank() ? NOT_RECORDED : value.toString();
  }

  /** One of the four outcomes of SPEC §3.1 step 6 in words; unknown codes humanised. */
  public String outcome(Object code) {
    if (code == null || code.toString().isBlank()) {
      return NOT_RECORDED;
    }
    return OUTCOMES.getOrDefault(code.toString(), humanise(code.toString()));
  }

  /** A partner's vote: a boolean (agrees or not) or an outcome code. */
  public String vote(Object vote) {
    if (vote instanceof Boolean bool) {
      return bool ? "Agrees that the criteria are met" : "Does not agree that the criteria are met";
    }
    return outcome(vote);
  }

  /** A statutory duty code of decision {@code notificationDuties} in words. */
  public String duty(Object code) {
    return code == null ? "" : DUTIES.getOrDefault(code.toString(), humanise(code.toString()));
  }

  /** Whether something done at {@code done} met the deadline {@code due}: Yes / No / Not recorded. */
  public String onTime(Object done, Object due) {
    ZonedDateTime doneAt = endOfDay(parse(done));
    ZonedDateTime dueAt = endOfDay(parse(due));
    if (doneAt == null || dueAt == null) {
      return NOT_RECORDED;
    }
    return doneAt.isAfter(dueAt) ? "No - after the deadline" : "Yes";
  }

  private static ZonedDateTime endOfDay(Object parsed) {
    if (parsed instanceof LocalDate date) {
      return date.plusDays(1).atStartOfDay(LONDON).minusSeconds(1);
    }
    return parsed instanceof ZonedDateTime zoned ? zoned : null;
  }

  /** True when the value is a non-empty list. */
  public boolean hasItems(Object value) {
    return value instanceof List<?> list && !list.isEmpty();
  }

  static String humanise(String code) {
    String words = code.replace('_', ' ').trim().toLowerCase(Locale.UK);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A ZonedDateTime in London, a LocalDate, or null when the value is not a date. */
  private static Object parse(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(LONDON);
    }
    if (value instanceof Instant instant) {
      return instant.atZone(LONDON);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(LONDON);
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(LONDON);
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(LONDON);
    }
    if (value instanceof LocalDate local) {
      return local;
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().trim());
    }
    return null;
  }

  private static Object parse(String text) {
    for (DateTimeFormatter formatter :
        List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, CAMUNDA, DateTimeFormatter.ISO_ZONED_DATE_TIME)) {
      try {
        TemporalAccessor parsed = formatter.parse(text);
        return ZonedDateTime.from(parsed).withZoneSameInstant(LONDON);
      } catch (DateTimeException e) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(text).atZone(LONDON);
    } catch (DateTimeParseException e) {
      // try a plain date
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
