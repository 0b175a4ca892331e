package uk.cspr.workflow.criteria;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/** Reads a decision file with the DMN model API: its table's columns and rules by name. */
public final class DecisionTableModel {

  private DecisionTableModel() {}

  /** Parses (and schema-validates) DMN XML; throws the model API's exception when it does not parse. */
  public static DmnModelInstance read(InputStream in) {
    return Dmn.readModelFromStream(in);
  }

  public static DmnModelInstance read(String xml) {
    return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The decision table of the decision with the given id; {@code null} when there is none. */
  public static DecisionTable table(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey) instanceof Decision d ? d : null;
    return decision != null && decision.getExpression() instanceof DecisionTable table ? table : null;
  }

  /** Input expression texts in column order: the variable names the table reads. */
  public static List<String> inputNames(DecisionTable table) {
    return table.getInputs().stream().map(DecisionTableModel::inputName).toList();
  }

  static String inputName(Input input) {
    var expression = input.getInputExpression();
    return expression == null || expression.getText() == null ? "" : expression.getText().getTextContent().trim();
  }

  /** Output names in column order. */
  public static List<String> outputNames(DecisionTable table) {
    return table.getOutputs().stream().map(Output::getName).toList();
  }

  /** Rule ids in table order. */
  public static List<String> ruleIds(DecisionTable table) {
    return table.getRules().stream().map(Rule::getId).toList();
  }
}
