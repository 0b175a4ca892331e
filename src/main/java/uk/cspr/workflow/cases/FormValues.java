package uk.cspr.workflow.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one submitted value (Tasklist form-js 1.8 sends dates as strings and lists as JSON; REST
 * clients send typed JSON) and converts it, or throws {@link InvalidCaseDataException} naming the
 * field. One place for server-side form validation.
 */
public final class FormValues {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

  private final Map<String, Object> values;

  public FormValues(Map<String, Object> values) {
    this.values = values;
  }

  public Object raw(String field) {
    return values.get(field);
  }

  public boolean present(String field) {
    Object value = values.get(field);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  /** Free text, multi-line allowed (see {@link PlainText}). */
  public String text(String field, int maxLength, boolean required) {
    return text(field, maxLength, required, true);
  }

  public String text(String field, int maxLength, boolean required, boolean multiLine) {
    Object value = values.get(field);
    if (!present(field)) {
      if (required) {
        throw new InvalidCaseDataException(field, "is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidCaseDataException(field, "must be text");
    }
    PlainText.check(field, text, multiLine);
    String trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidCaseDataException(field, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public String email(String field) {
    String email = text(field, 254, true);
    if (!EMAIL.matcher(email).matches()) {
      throw new InvalidCaseDataException(field, "must be an e-mail address");
    }
    return email;
  }

  public <E extends Enum<E>> E code(String field, Class<E> codes) {
    String text = text(field, 100, true);
    try {
      return Enum.valueOf(codes, text);
    } catch (IllegalArgumentException e) {
      throw new InvalidCaseDataException(field, "must be one of the options offered: choose one from the list");
    }
  }

  public boolean bool(String field, boolean required) {
    Object value = values.get(field);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    if (value == null && !required) {
      return false;
    }
    throw new InvalidCaseDataException(field, value == null ? "is required" : "must be true or false");
  }

  public int integer(String field, int min, int max) {
    Object value = values.get(field);
    int number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).intValue();
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = n.intValue();
    } else if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      number = Integer.parseInt(s.strip());
    } else {
      throw new InvalidCaseDataException(field, value == null ? "is required" : "must be a whole number");
    }
    if (number < min || number > max) {
      throw new InvalidCaseDataException(field, "must be between " + min + " and " + max);
    }
    return number;
  }

  /** A calendar date: ISO yyyy-MM-dd, a date-time (its London date) or a Date. */
  public LocalDate date(String field) {
    Object value = values.get(field);
    if (value instanceof Date d) {
      return d.toInstant().atZone(LONDON).toLocalDate();
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return s.length() <= 10 ? LocalDate.parse(s.strip()) : toInstant(s.strip()).atZone(LONDON).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new InvalidCaseDataException(field, "must be a date (yyyy-mm-dd)");
      }
    }
    throw new InvalidCaseDataException(field, value == null ? "is required" : "must be a date (yyyy-mm-dd)");
  }

  /** A point in time: ISO date-time with or without offset (London wall time), a date, or a Date. */
  public Instant instant(String field) {
    Object value = values.get(field);
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return toInstant(s.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidCaseDataException(field, "must be a date and time (yyyy-mm-ddThh:mm)");
      }
    }
    throw new InvalidCaseDataException(field, value == null ? "is required" : "must be a date and time");
  }

  /** A list of objects: a Java list, a JSON array string, or a Spin JSON value (its toString). */
  public List<Map<String, Object>> objects(String field, int min, int max) {
    Object value = values.get(field);
    List<?> list;
    if (value instanceof List<?> l) {
      list = l;
    } else if (value != null) {
      try {
        list = JSON.readValue(value.toString(), new TypeReference<List<Object>>() {});
      } catch (JsonProcessingException e) {
        throw new InvalidCaseDataException(field, "must be a list");
      }
    } else {
      list = List.of();
    }
    if (list.size() < min || list.size() > max) {
      throw new InvalidCaseDataException(field, "must have between " + min + " and " + max + " entries");
    }
    for (Object entry : list) {
      if (!(entry instanceof Map)) {
        throw new InvalidCaseDataException(field, "entries must be objects");
      }
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects = (List<Map<String, Object>>) list;
    return objects;
  }

  private static Instant toInstant(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(LONDON).toInstant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return ZonedDateTime.of(LocalDateTime.parse(text), LONDON).toInstant();
    }
  }
}
