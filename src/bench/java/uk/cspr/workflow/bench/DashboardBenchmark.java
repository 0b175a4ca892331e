package uk.cspr.workflow.bench;

final class DashboardBenchmark {
  static void run(Results results, boolean quick) throws Exception {
    throw new UnsupportedOperationException("not yet");
  }
  private DashboardBenchmark() {}
}
