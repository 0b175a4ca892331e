package uk.cspr.workflow.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Distribution of a sample: median, percentiles and spread (nearest-rank percentiles). */
record Stats(int n, double min, double p5, double p25, double median, double p75, double p95, double p99, double max, double mean) {

  static Stats of(Collection<? extends Number> values) {
    return of(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  static Stats of(double[] values) {
    if (values.length == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Stats(sorted.length, sorted[0], rank(sorted, 5), rank(sorted, 25), rank(sorted, 50), rank(sorted, 75),
        rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN));
  }

  /** Nearest-rank percentile. */
  static double rank(double[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  Map<String, Object> json() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("n", n);
    map.put("min", min);
    map.put("p5", p5);
    map.put("p25", p25);
    map.put("median", median);
    map.put("p75", p75);
    map.put("p95", p95);
    map.put("p99", p99);
    map.put("max", max);
    map.put("mean", mean);
    return map;
  }
}
