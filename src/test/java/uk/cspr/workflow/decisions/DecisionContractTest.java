package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.cspr.workflow.criteria.DecisionContract;

/**
 * The public contract of SPEC §4, read from the decision files: keys, hit policies, input
 * expression names and types, output names and types, and the output codes other flows branch on.
 * It also checks what makes a table maintainable by analysts: DMN 1.3, one decision per file,
 * history time to live, labels, a guidance citation on every rule and a diagram shape for Modeler.
 * The contract itself is {@link DecisionContract} (main code), which the criteria workbench and
 * the deployment guard enforce on analysts' edits.
 */
class DecisionContractTest {

  private static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI_13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  static Stream<DecisionContract> contracts() {
    return DecisionContract.ALL.stream();
  }

  @Test
  void everyDecisionFileIsAContractedDecisionWithRegressionCases() throws Exception {
    URL folder = DecisionContractTest.class.getClassLoader().getResource("dmn");
    assertThat(folder).as("dmn/ on the classpath").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      Set<String> names = files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
      Set<String> keys = names.stream().filter(n -> n.endsWith(".dmn")).map(n -> n.replace(".dmn", "")).collect(Collectors.toSet());
      assertThat(keys).containsExactlyInAnyOrderElementsOf(DecisionTables.KEYS);
      assertThat(DecisionContract.ALL.stream().map(DecisionContract::key)).containsExactlyInAnyOrderElementsOf(DecisionTables.KEYS);
      DecisionTables.KEYS.forEach(key -> assertThat(names).contains(key + ".cases.json"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void keyHitPolicyInputsAndOutputsAreAsSpecified(DecisionContract contract) {
    String key = contract.key();
    var model = DecisionTables.model(key);
    assertThat(model.getDefinitions().getDomElement().getNamespaceURI()).as("DMN 1.3").isEqualTo(DMN_13);
    assertThat(model.getModelElementsByType(Decision.class)).as("one decision per file").hasSize(1);
    Decision decision = model.getModelElementById(key);
    assertThat(decision).as("decision id = file name = key").isNotNull();
    assertThat(decision.getName()).isNotBlank();
    assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive").isNotBlank();

    DecisionTable table = DecisionTables.table(key);
    assertThat(table.getHitPolicy()).as("hit policy").isIn(contract.hitPolicies());
    assertThat(table.getAggregation()).as("no aggregation: callers read the rows").isNull();

    Map<String, String> inputs =
        table.getInputs().stream()
            .collect(Collectors.toMap(
                input -> input.getInputExpression().getText().getTextContent().trim(),
                input -> String.valueOf(input.getInputExpression().getTypeRef())));
    assertThat(inputs).as("input expression names and types").isEqualTo(contract.inputs());
    Map<String, String> outputs =
        table.getOutputs().stream().collect(Collectors.toMap(Output::getName, output -> String.valueOf(output.getTypeRef())));
    assertThat(outputs).as("output names and types").isEqualTo(contract.outputs());
    assertThat(table.getInputs()).extracting(Input::getLabel).allMatch(label -> label != null && !label.isBlank());
    assertThat(table.getOutputs()).extracting(Output::getLabel).allMatch(label -> label != null && !label.isBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void everyRuleCitesTheGuidanceAndReturnsOnlyContractedCodes(DecisionContract contract) {
    for (Rule rule : DecisionTables.table(contract.key()).getRules()) {
      assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("annotation of %s", rule.getId()).isNotBlank();
      if (contract.outputCodes() != null) {
        for (OutputEntry entry : rule.getOutputEntries()) {
          String code = entry.getText().getTextContent().trim().replaceAll("^\"|\"$", "");
          assertThat(contract.outputCodes()).as("code of %s", rule.getId()).contains(code);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void hasADiagramShapeForModeler(DecisionContract contract) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = DecisionContractTest.class.getClassLoader().getResourceAsStream(DecisionTables.resource(contract.key()))) {
      Document document = factory.newDocumentBuilder().parse(in);
      NodeList shapes = document.getElementsByTagNameNS(DMNDI_13, "DMNShape");
      boolean found = false;
      for (int i = 0; i < shapes.getLength(); i++) {
        found |= contract.key().equals(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
      }
      assertThat(found).as("DMNShape for %s", contract.key()).isTrue();
    }
  }
}
