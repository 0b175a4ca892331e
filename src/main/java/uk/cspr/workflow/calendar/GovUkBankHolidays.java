package uk.cspr.workflow.calendar;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the GOV.UK {@code bank-holidays.json} document (https://www.gov.uk/bank-holidays.json), as
 * shipped or as downloaded later by an administrator: the event dates of division {@code
 * england-and-wales} (SPEC §2).
 */
public final class GovUkBankHolidays {

  public static final String DIVISION = "england-and-wales";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The england-and-wales event dates, in file order.
   *
   * @param source where the document came from, for error messages
   * @throws IllegalArgumentException if the document is not GOV.UK JSON with at least one
   *     england-and-wales event, each with an ISO date
   * @throws IOException if the stream cannot be read
   */
  public static List<LocalDate> read(InputStream json, String source) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw invalid(source, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    JsonNode events = root == null ? null : root.path(DIVISION).get("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      throw invalid(source, "no \"" + DIVISION + "\" division with a non-empty \"events\" list");
    }
    List<LocalDate> dates = new ArrayList<>(events.size());
    for (JsonNode event : events) {
      JsonNode date = event.get("date");
      if (date == null || !date.isTextual()) {
        throw invalid(source, "an event has no \"date\": " + event);
      }
      try {
        dates.add(LocalDate.parse(date.asText()));
      } catch (DateTimeParseException e) {
        throw invalid(source, "\"" + date.asText() + "\" is not an ISO date (yyyy-MM-dd)");
      }
    }
    return dates;
  }

  private static IllegalArgumentException invalid(String source, String problem) {
    return new IllegalArgumentException("Bank holiday file " + source + " is not a GOV.UK bank-holidays.json document: " + problem);
  }

  private GovUkBankHolidays() {}
}
