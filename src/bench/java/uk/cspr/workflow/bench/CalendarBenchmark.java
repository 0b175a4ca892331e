package uk.cspr.workflow.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import uk.cspr.workflow.calendar.WorkingDayCalendar;
import uk.cspr.workflow.support.CalendarFixtures;

/**
 * Benchmark 1: {@code WorkingDayCalendar.deadline(instant, n)} against a naive day-by-day loop, on the
 * same random inputs (instants 2012–2035, n in 1..130, fixed seed), with JMH (forks, warm-up,
 * measured iterations). The answers of both are compared on a million inputs first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

  static final int INPUTS = 1 << 16;
  private static final int MASK = INPUTS - 1;
  static final long SEED = 20_261_122L;
  private static final long FROM = Instant.parse("2012-01-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2036-01-01T00:00:00Z").getEpochSecond();

  private WorkingDayCalendar calendar;
  private NaiveCalendar naive;
  private Instant[] instants;
  private int[] days;
  private int i;

  @Setup
  public void setUp() {
    calendar = CalendarFixtures.shippedCalendar();
    naive = NaiveCalendar.of(calendar);
    Random random = new Random(SEED);
    instants = new Instant[INPUTS];
    days = new int[INPUTS];
    for (int k = 0; k < INPUTS; k++) {
      instants[k] = randomInstant(random);
      days[k] = 1 + random.nextInt(130);
    }
  }

  static Instant randomInstant(Random random) {
    return Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
  }

  @Benchmark
  public ZonedDateTime calendarDeadline() {
    int k = i = (i + 1) & MASK;
    return calendar.deadline(instants[k], days[k]);
  }

  @Benchmark
  public ZonedDateTime naiveLoop() {
    int k = i = (i + 1) & MASK;
    return naive.deadline(instants[k], days[k]);
  }

  /** The loop a reader would write: step one day at a time, skip weekends and bank holidays. */
  static final class NaiveCalendar {

    private final Set<LocalDate> holidays;

    private NaiveCalendar(Set<LocalDate> holidays) {
      this.holidays = holidays;
    }

    /** Holidays (GOV.UK file, standing rules, extra days) as the calendar lists them per year. */
    static NaiveCalendar of(WorkingDayCalendar calendar) {
      Set<LocalDate> holidays = new HashSet<>();
      for (int year = 2011; year <= 2037; year++) {
        holidays.addAll(calendar.bankHolidays(year));
      }
      return new NaiveCalendar(holidays);
    }

    ZonedDateTime deadline(Instant when, int n) {
      LocalDate day = when.atZone(WorkingDayCalendar.ZONE).toLocalDate();
      for (int counted = 0; counted < n; ) {
        day = day.plusDays(1);
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day)) {
          counted++;
        }
      }
      return day.atTime(WorkingDayCalendar.END_OF_DAY).atZone(WorkingDayCalendar.ZONE);
    }
  }

  // ------------------------------------------------------------------ runner

  static void run(Results results, boolean quick) throws RunnerException {
    long checked = check(1_000_000);
    results.row("calendar", "same answers as the naive loop", checked + " random inputs, all equal");

    int forks = quick ? 1 : 3;
    Options options = new OptionsBuilder()
        .include(CalendarBenchmark.class.getName() + ".")
        .forks(forks)
        .warmupIterations(quick ? 2 : 3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 3 : 5)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgs("-Xmx512m", "-Duser.timezone=UTC")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> runs = new Runner(options).run();
    Map<String, Stats> stats = new LinkedHashMap<>();
    for (RunResult run : runs) {
      List<Double> scores = new ArrayList<>();
      run.getBenchmarkResults().forEach(benchmark -> {
        for (IterationResult iteration : benchmark.getIterationResults()) {
          scores.add(iteration.getPrimaryResult().getScore());
        }
      });
      String name = run.getParams().getBenchmark();
      stats.put(name.substring(name.lastIndexOf('.') + 1), Stats.of(scores));
    }
    Stats library = stats.get("calendarDeadline");
    Stats loop = stats.get("naiveLoop");
    double ratio = library.median() / loop.median();
    // Spread of the ratio: worst and best pairing of the two distributions' quartiles
    double ratioLow = library.p25() / loop.p75();
    double ratioHigh = library.p75() / loop.p25();
    results.row("calendar", "deadline(instant, n) per second (median of " + library.n() + ")",
        Results.fmt(library.median()) + " (IQR " + Results.fmt(library.p25()) + "–" + Results.fmt(library.p75()) + ")",
        "≥ 10 M/s", library.median() >= 10e6);
    results.row("calendar", "naive day-by-day loop per second (median of " + loop.n() + ")",
        Results.fmt(loop.median()) + " (IQR " + Results.fmt(loop.p25()) + "–" + Results.fmt(loop.p75()) + ")");
    results.row("calendar", "speed-up over the loop (median ratio)",
        Results.fmt(ratio) + "× (IQR-crossed " + Results.fmt(ratioLow) + "–" + Results.fmt(ratioHigh) + "×)",
        "≥ 50×", ratio >= 50);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("inputs", "instants uniform in 2012-01-01..2035-12-31 (UTC), n uniform in 1..130, seed " + SEED);
    detail.put("checkedEqual", checked);
    detail.put("forks", forks);
    detail.put("calendarDeadlineOpsPerSecond", library.json());
    detail.put("naiveLoopOpsPerSecond", loop.json());
    detail.put("ratioMedian", ratio);
    results.detail("calendar", detail);
  }

  /** Both implementations give the same deadline for {@code count} random inputs. */
  static long check(int count) {
    WorkingDayCalendar calendar = CalendarFixtures.shippedCalendar();
    NaiveCalendar naive = NaiveCalendar.of(calendar);
    Random random = new Random(SEED + 1);
    for (int k = 0; k < count; k++) {
      Instant when = randomInstant(random);
      int n = 1 + random.nextInt(130);
      ZonedDateTime expected = naive.deadline(when, n);
      ZonedDateTime actual = calendar.deadline(when, n);
      if (!expected.toInstant().equals(actual.toInstant())) {
        throw new IllegalStateException("deadline(" + when + ", " + n + "): calendar " + actual + ", naive loop " + expected);
      }
    }
    return count;
  }
}
