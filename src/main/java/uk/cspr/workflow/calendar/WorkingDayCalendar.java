package uk.cspr.workflow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England (SPEC §2; Working Together: "any day which is not a Saturday, Sunday or
 * Bank Holiday"). Pure Java, immutable and thread-safe.
 *
 * <p>Bank holidays come from the GOV.UK {@code england-and-wales} events, which are authoritative
 * for every date from the file's first event to its last event inclusive (so moved or cancelled
 * days such as 2020-05-04 are working days). Dates outside that span, including the uncovered part
 * of a partially covered first or last year, follow the standing rules ({@link
 * #standingBankHolidays(int)}). Configured extra non-working days are added on top.
 *
 * <p>Counting: a start day never counts itself (SPEC §2), in either direction; n = 0 means the start
 * day itself. Deadlines end at 23:59:59 (whole seconds, as SPEC §2 writes it) Europe/London.
 *
 * <p>Every day from {@link #FIRST_DAY} to {@link #LAST_DAY} is precomputed once (cumulative
 * working-day counts, the index of each working day, and the end of each London day), so every
 * operation is O(1) whatever the number of working days. Dates or results outside that range throw
 * {@link IllegalArgumentException}.
 */
public final class WorkingDayCalendar {

  /** SPEC §2: deadlines are days in England. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  /** SPEC §2 "the end (23:59:59 Europe/London)": whole seconds, safe on every database. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2200, 12, 31);

  private static final long FIRST_EPOCH_DAY = FIRST_DAY.toEpochDay();
  private static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_EPOCH_DAY + 1);
  private static final int SECONDS_PER_DAY = 86_400;

  /** {@code workingBefore[i]}: working days strictly before day i (length DAYS + 1). */
  private final int[] workingBefore;

  /** {@code workingDay[k]}: day index of the (k+1)-th working day of the range. */
  private final int[] workingDay;

  /** {@code endOfDay[i]}: epoch second of 23:59:59 London on day i; the next second starts day i + 1. */
  private final long[] endOfDay;

  /** {@link #deadline} results, created on first use (immutable, so a racy cache is safe). */
  private final ZonedDateTime[] endOfDayCache;

  /** Bank holidays (plus extra weekday non-working days) per year, sorted, immutable. */
  private final List<List<LocalDate>> holidaysByYear;

  /**
   * @param govUkHolidays the GOV.UK england-and-wales event dates (may be empty: rules only)
   * @param extraNonWorkingDays further non-working days from configuration
   */
  public WorkingDayCalendar(Collection<LocalDate> govUkHolidays, Collection<LocalDate> extraNonWorkingDays) {
    TreeSet<LocalDate> file = new TreeSet<>(govUkHolidays);
    TreeSet<LocalDate> extra = new TreeSet<>(extraNonWorkingDays);
    file.forEach(date -> requireInRange(date, "bank holiday"));
    extra.forEach(date -> requireInRange(date, "extra non-working day"));

    holidaysByYear = holidaysByYear(file, extra);

    boolean[] holiday = new boolean[DAYS];
    holidaysByYear.forEach(days -> days.forEach(date -> holiday[index(date)] = true));
    workingBefore = new int[DAYS + 1];
    int[] working = new int[DAYS];
    int count = 0;
    for (int i = 0; i < DAYS; i++) {
      workingBefore[i] = count;
      boolean weekend = Math.floorMod(FIRST_EPOCH_DAY + i + 3, 7) >= 5; // epoch day 0 was a Thursday
      if (!holiday[i] && !weekend) {
        working[count++] = i;
      }
    }
    workingBefore[DAYS] = count;
    workingDay = Arrays.copyOf(working, count);

    endOfDay = new long[DAYS];
    LondonWallClock wallClock = new LondonWallClock((FIRST_EPOCH_DAY - 1) * SECONDS_PER_DAY);
    for (int i = 0; i < DAYS; i++) {
      endOfDay[i] = wallClock.toEpochSecond((FIRST_EPOCH_DAY + i + 1) * SECONDS_PER_DAY - 1);
    }
    endOfDayCache = new ZonedDateTime[DAYS];
  }

  /** Not a Saturday, Sunday, bank holiday or configured extra non-working day. */
  public boolean isWorkingDay(LocalDate date) {
    int i = index(date);
    return workingBefore[i + 1] != workingBefore[i];
  }

  /**
   * The n-th working day after {@code date} (n &gt; 0) or before it (n &lt; 0). The start day never
   * counts itself, working day or not (SPEC §2). n = 0 returns {@code date} unchanged, even when it
   * is not a working day.
   */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    return day(plus(index(date), n));
  }

  /**
   * Working days counted from {@code from} (exclusive) towards {@code to} (inclusive): positive if
   * {@code to} is later, negative if earlier, 0 if equal. It inverts {@link #plusWorkingDays}:
   * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n} for every d and n. It is
   * antisymmetric when both ends are working days; a non-working {@code from} never counts, in
   * either direction.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int f = index(from);
    int t = index(to);
    return t >= f ? workingBefore[t + 1] - workingBefore[f + 1] : workingBefore[t] - workingBefore[f];
  }

  /**
   * SPEC §2 "within n working days of X": the end (23:59:59 Europe/London) of the n-th working day
   * after the London calendar day of {@code when}.
   */
  public ZonedDateTime deadline(Instant when, int n) {
    return endOfDay(plus(londonDayIndex(when.getEpochSecond()), n));
  }

  /** {@link #deadline} as epoch seconds, without allocation (hot path of the {@code workingDays} bean). */
  public long deadlineEpochSecond(long epochSecond, int n) {
    return endOfDay[plus(londonDayIndex(epochSecond), n)];
  }

  /** The Europe/London calendar day of an instant. */
  public LocalDate londonDate(Instant when) {
    return day(londonDayIndex(when.getEpochSecond()));
  }

  /** 23:59:59 Europe/London on {@code date}. */
  public ZonedDateTime endOfDay(LocalDate date) {
    return endOfDay(index(date));
  }

  /**
   * Non-working weekdays of a year, sorted: bank holidays (GOV.UK file or standing rules) and
   * configured extra non-working days that fall on a weekday.
   */
  public List<LocalDate> bankHolidays(int year) {
    if (year < FIRST_DAY.getYear() || year > LAST_DAY.getYear()) {
      throw new IllegalArgumentException(
          "Year " + year + " is outside the supported range " + FIRST_DAY.getYear() + ".." + LAST_DAY.getYear());
    }
    return holidaysByYear.get(year - FIRST_DAY.getYear());
  }

  /** Whether {@code date} lies in the precomputed range {@link #FIRST_DAY}..{@link #LAST_DAY}. */
  public static boolean supports(LocalDate date) {
    return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
  }

  /**
   * The standing rules for years the GOV.UK file does not cover (SPEC §2): New Year's Day, Good
   * Friday, Easter Monday, first and last Monday in May, last Monday in August, Christmas Day and
   * Boxing Day; one on a Saturday or Sunday moves to the next weekday not already a holiday.
   */
  public static List<LocalDate> standingBankHolidays(int year) {
    LocalDate easter = easterSunday(year);
    List<LocalDate> fixed =
        List.of(
            LocalDate.of(year, 1, 1),
            easter.minusDays(2),
            easter.plusDays(1),
            LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
            LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
            LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
            LocalDate.of(year, 12, 25),
            LocalDate.of(year, 12, 26));
    Set<LocalDate> days = new TreeSet<>();
    fixed.stream().filter(date -> !isWeekend(date)).forEach(days::add);
    for (LocalDate date : fixed) { // in date order, so Christmas is substituted before Boxing Day
      if (isWeekend(date)) {
        LocalDate substitute = date;
        while (isWeekend(substitute) || days.contains(substitute)) {
          substitute = substitute.plusDays(1);
        }
        days.add(substitute);
      }
    }
    return List.copyOf(days);
  }

  /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private ZonedDateTime endOfDay(int dayIndex) {
    ZonedDateTime end = endOfDayCache[dayIndex];
    if (end == null) {
      end = Instant.ofEpochSecond(endOfDay[dayIndex]).atZone(ZONE);
      endOfDayCache[dayIndex] = end;
    }
    return end;
  }

  /**
   * London wall-clock seconds (epoch-based) to epoch seconds, for increasing wall-clock times: walks
   * the zone's transitions once instead of resolving 110,000 local times. London never changes its
   * clocks around midnight ({@code WorkingDayCalendarDeadlineTest} checks every day against
   * java.time).
   */
  private static final class LondonWallClock {

    private final ZoneRules rules = ZONE.getRules();
    private int offset;
    private ZoneOffsetTransition next;

    LondonWallClock(long fromEpochSecond) {
      Instant from = Instant.ofEpochSecond(fromEpochSecond);
      offset = rules.getOffset(from).getTotalSeconds();
      next = rules.nextTransition(from);
    }

    long toEpochSecond(long wallClockSecond) {
      while (next != null && wallClockSecond - offset >= next.toEpochSecond()) {
        offset = next.getOffsetAfter().getTotalSeconds();
        next = rules.nextTransition(next.getInstant());
      }
      return wallClockSecond - offset;
    }
  }

  /** Per year: the file's dates, standing-rule dates outside the file's span, extra weekdays. */
  private static List<List<LocalDate>> holidaysByYear(TreeSet<LocalDate> file, TreeSet<LocalDate> extra) {
    List<List<LocalDate>> byYear = new ArrayList<>();
    for (int year = FIRST_DAY.getYear(); year <= LAST_DAY.getYear(); year++) {
      LocalDate first = LocalDate.of(year, 1, 1);
      LocalDate last = LocalDate.of(year, 12, 31);
      TreeSet<LocalDate> days = new TreeSet<>(file.subSet(first, true, last, true));
      standingBankHolidays(year).stream()
          .filter(date -> file.isEmpty() || date.isBefore(file.first()) || date.isAfter(file.last()))
          .forEach(days::add);
      extra.subSet(first, true, last, true).stream().filter(date -> !isWeekend(date)).forEach(days::add);
      byYear.add(List.copyOf(days));
    }
    return List.copyOf(byYear);
  }

  private int plus(int dayIndex, int n) {
    if (n == 0) {
      return dayIndex;
    }
    // ordinal (0-based) of the target among the range's working days
    long k = n > 0 ? (long) workingBefore[dayIndex + 1] + n - 1 : (long) workingBefore[dayIndex] + n;
    if (k < 0 || k >= workingDay.length) {
      throw new IllegalArgumentException(
          n + " working days from " + day(dayIndex) + " is outside the supported range " + FIRST_DAY + ".." + LAST_DAY);
    }
    return workingDay[(int) k];
  }

  private int londonDayIndex(long epochSecond) {
    long i = Math.floorDiv(epochSecond, SECONDS_PER_DAY) - FIRST_EPOCH_DAY;
    // London's offset is within a day of UTC, so the London day is the UTC day or a neighbour
    if (i >= 0 && i < DAYS && epochSecond > endOfDay[(int) i]) {
      i++;
    } else if (i >= 1 && i <= DAYS && epochSecond <= endOfDay[(int) i - 1]) {
      i--;
    }
    if (i < 0 || i >= DAYS) {
      throw new IllegalArgumentException(
          Instant.ofEpochSecond(epochSecond) + " is outside the supported range " + FIRST_DAY + ".." + LAST_DAY);
    }
    return (int) i;
  }

  private static int index(LocalDate date) {
    requireInRange(date, "date");
    return (int) (date.toEpochDay() - FIRST_EPOCH_DAY);
  }

  private static LocalDate day(int index) {
    return LocalDate.ofEpochDay(FIRST_EPOCH_DAY + index);
  }

  private static void requireInRange(LocalDate date, String what) {
    if (date == null) {
      throw new IllegalArgumentException("The " + what + " must not be null");
    }
    if (!supports(date)) {
      throw new IllegalArgumentException(
          "The " + what + " " + date + " is outside the supported range " + FIRST_DAY + ".." + LAST_DAY);
    }
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
