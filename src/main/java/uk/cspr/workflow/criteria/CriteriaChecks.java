package uk.cspr.workflow.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.springframework.stereotype.Component;

/**
 * The guard rails for one version of a table (edited or deployed): it is {@link FeelOnly}, parses, keeps its {@link
 * DecisionContract}, evaluates every regression case of {@code dmn/<key>.cases.json} on a
 * standalone DMN engine without error, and passes every case marked statutory. Used by the
 * workbench before it deploys and by {@link CriteriaDeploymentGuard} for Modeler deployments.
 */
@Component
class CriteriaChecks {

  /** The result of one case: the rows, or the evaluation error; and how it misses the expectation. */
  record CaseResult(List<Map<String, Object>> rows, String error, List<String> mismatches) {
    boolean passes() {
      return error == null && mismatches.isEmpty();
    }
  }

  /** What the checks found; the table may be deployed when there are no problems. */
  record Review(String decisionKey, List<String> problems, Map<DecisionCase, CaseResult> results) {}

  private final DmnEngine engine =
      FeelOnly.restrict((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();

  Review review(DecisionContract contract, String xml) {
    String key = contract.key();
    DmnModelInstance model;
    try {
      model = DecisionTableModel.read(xml == null ? "" : xml);
    } catch (RuntimeException e) {
      return new Review(key, List.of("The table does not parse: " + message(e)), Map.of());
    }
    List<String> notFeel = FeelOnly.problems(model);
    if (!notFeel.isEmpty()) {
      return new Review(key, notFeel, Map.of()); // checked before anything is parsed or evaluated
    }
    List<String> problems = new ArrayList<>(ContractCheck.problems(contract, model));
    DecisionTable table = DecisionTableModel.table(model, key);
    if (table == null || !problems.isEmpty()) {
      return new Review(key, problems, Map.of()); // the cases only mean something for a table that keeps the contract
    }
    DmnDecision decision;
    try {
      decision = engine.parseDecision(key, model);
    } catch (RuntimeException e) {
      problems.add("The table does not parse: " + message(e));
      return new Review(key, problems, Map.of());
    }
    List<String> inputNames = DecisionTableModel.inputNames(table);
    List<String> outputNames = DecisionTableModel.outputNames(table);
    Map<DecisionCase, CaseResult> results = new LinkedHashMap<>();
    for (DecisionCase c : DecisionCases.load(key)) {
      CaseResult result = run(decision, inputNames, outputNames, c);
      results.put(c, result);
      if (result.error() != null) {
        problems.add("Case '" + c.name() + "' cannot be evaluated: " + result.error());
      } else if (c.statutory() && !result.passes()) {
        problems.add("Statutory case '" + c.name() + "' would fail (" + String.join("; ", result.mismatches())
            + "). " + c.note());
      }
    }
    return new Review(key, problems, results);
  }

  private CaseResult run(DmnDecision decision, List<String> inputNames, List<String> outputNames, DecisionCase c) {
    try {
      List<Map<String, Object>> rows =
          CaseComparison.evaluate(engine, decision, inputNames, c.inputs()).getResultList();
      return new CaseResult(rows, null, CaseComparison.mismatches(c, rows, inputNames, outputNames));
    } catch (RuntimeException e) {
      return new CaseResult(List.of(), message(e), List.of());
    }
  }

  /** The innermost message: what the parser or FEEL engine actually objected to. */
  static String message(Throwable e) {
    String message = null;
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 10; depth++) {
      message = cause.getMessage() == null ? message : cause.getMessage();
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
