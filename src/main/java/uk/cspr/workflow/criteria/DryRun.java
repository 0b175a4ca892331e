package uk.cspr.workflow.criteria;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.cspr.workflow.criteria.ActiveVersions.Version;
import uk.cspr.workflow.criteria.CriteriaChecks.CaseResult;
import uk.cspr.workflow.criteria.CriteriaChecks.Review;

/**
 * The regression cases run against an edited table and against the active version, before
 * anything is deployed: which cases change their result, and the problems that refuse the edit.
 *
 * @param changedCases how many cases give a different result with the edited table
 * @param cases every case (the workbench shows the changed ones first)
 */
record DryRun(
    String decisionKey,
    String tenantId,
    Version active,
    boolean deployable,
    List<String> problems,
    int changedCases,
    List<CaseDiff> cases) {

  /** A case's result under one version: the result rows or the evaluation error. */
  record Outcome(List<Map<String, Object>> rows, String error, boolean passes, List<String> mismatches) {
    static Outcome of(CaseResult result) {
      return result == null ? null : new Outcome(result.rows(), result.error(), result.passes(), result.mismatches());
    }
  }

  /** One case: what it expects, what the active and the edited version give. */
  record CaseDiff(
      String name,
      String note,
      boolean statutory,
      Map<String, Object> inputs,
      Map<String, Object> expected,
      Outcome active,
      Outcome edited,
      boolean changed) {}

  static DryRun of(String tenantId, Version active, Review current, Review edited, boolean collect) {
    List<CaseDiff> cases =
        edited.results().entrySet().stream()
            .map(entry -> {
              DecisionCase c = entry.getKey();
              CaseResult before = current.results().get(c);
              CaseResult after = entry.getValue();
              return new CaseDiff(c.name(), c.note(), c.statutory(), c.inputs(), c.expected(),
                  Outcome.of(before), Outcome.of(after), !same(before, after, collect));
            })
            .toList();
    int changed = (int) cases.stream().filter(CaseDiff::changed).count();
    return new DryRun(edited.decisionKey(), tenantId, active, edited.problems().isEmpty(), edited.problems(), changed, cases);
  }

  private static boolean same(CaseResult before, CaseResult after, boolean collect) {
    if (before == null || !Objects.equals(before.error(), after.error())) {
      return false;
    }
    List<Object> a = before.rows().stream().map(DryRun::normalise).toList();
    List<Object> b = after.rows().stream().map(DryRun::normalise).toList();
    return collect ? a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b)) : a.equals(b);
  }

  private static Object normalise(Map<String, Object> row) {
    Map<String, Object> values = new HashMap<>();
    row.forEach((name, value) -> values.put(name, CaseComparison.normalise(value)));
    return values;
  }
}
