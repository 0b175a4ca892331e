package uk.cspr.workflow.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/** What an edited table changes of its {@link DecisionContract}; each problem is one sentence. */
final class ContractCheck {

  private ContractCheck() {}

  static List<String> problems(DecisionContract contract, DmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    String key = contract.key();
    List<String> ids = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
    if (!ids.contains(key)) {
      problems.add("The decision key must stay '" + key + "' (the file holds " + ids + ")");
      return problems;
    }
    if (ids.size() > 1) {
      problems.add("One decision per file: the file holds " + ids);
    }
    Decision decision = model.getModelElementById(key);
    String ttl = decision.getCamundaHistoryTimeToLiveString();
    if (ttl == null || ttl.isBlank()) {
      problems.add("The decision needs a historyTimeToLive (retention, SPEC §6)");
    }
    DecisionTable table = DecisionTableModel.table(model, key);
    if (table == null) {
      problems.add("'" + key + "' must stay a decision table");
      return problems;
    }
    if (!contract.hitPolicies().contains(table.getHitPolicy())) {
      problems.add("Hit policy must be " + names(contract.hitPolicies()) + " (was " + table.getHitPolicy() + ")");
    }
    if (table.getAggregation() != null) {
      problems.add("No aggregation (was " + table.getAggregation() + "): the processes read the rows themselves");
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Input input : table.getInputs()) {
      String name = DecisionTableModel.inputName(input);
      String type = input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef();
      if (inputs.put(name, String.valueOf(type)) != null) {
        problems.add("Input expression '" + name + "' appears twice");
      }
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output output : table.getOutputs()) {
      if (outputs.put(output.getName(), String.valueOf(output.getTypeRef())) != null) {
        problems.add("Output '" + output.getName() + "' appears twice");
      }
    }
    compare(problems, "Input expression", inputs, contract.inputs(), "the processes pass it in");
    compare(problems, "Output", outputs, contract.outputs(), "the processes read it");
    if (contract.outputCodes() != null) {
      for (Rule rule : table.getRules()) {
        for (OutputEntry entry : rule.getOutputEntries()) {
          String code = entry.getText() == null ? "" : entry.getText().getTextContent().trim().replaceAll("^\"|\"$", "");
          if (!contract.outputCodes().contains(code)) {
            problems.add("Rule '" + rule.getId() + "' returns '" + code + "', which is none of the codes the processes know "
                + names(contract.outputCodes()));
          }
        }
      }
    }
    return problems;
  }

  private static void compare(
      List<String> problems, String what, Map<String, String> actual, Map<String, String> contracted, String why) {
    new TreeSet<>(contracted.keySet()).forEach(name -> {
      if (!actual.containsKey(name)) {
        problems.add(what + " '" + name + "' (" + contracted.get(name) + ") is missing or renamed: " + why);
      } else if (!contracted.get(name).equals(actual.get(name))) {
        problems.add(what + " '" + name + "' must have type " + contracted.get(name) + " (was " + actual.get(name) + ")");
      }
    });
    actual.keySet().stream()
        .filter(name -> !contracted.containsKey(name))
        .forEach(name -> problems.add(what + " '" + name + "' is not in the contract of SPEC §4"));
  }

  private static String names(Set<?> values) {
    return new TreeSet<>(values.stream().map(String::valueOf).toList()).toString();
  }
}
