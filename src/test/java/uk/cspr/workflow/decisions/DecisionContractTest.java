package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.dmn.HitPolicy;
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

/**
 * The public contract of SPEC §4, read from the decision files: keys, hit policies, input
 * expression names and types, output names and types, and the output codes other flows branch on.
 * It also checks what makes a table maintainable by analysts: DMN 1.3, one decision per file,
 * history time to live, labels, a guidance citation on every rule and a diagram shape for Modeler.
 * An analyst's edit that breaks any of these fails here before deployment.
 */
class DecisionContractTest {

  private static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI_13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final Set<HitPolicy> SINGLE_RESULT = Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY, HitPolicy.PRIORITY);

  /** One decision's contract. */
  record Contract(String key, Set<HitPolicy> hitPolicies, Map<String, String> inputs, Map<String, String> outputs, Set<String> outputCodes) {
    @Override
    public String toString() {
      return key;
    }
  }

  private static final Map<String, String> LOCAL_CRITERIA_INPUTS =
      booleans(
          "improvementsNeeded", "recurrentThemes", "multiAgencyWorkingConcerns", "panelAdvisedLocalReview",
          "singleAgencyConcern", "noAgencyInvolvementConcern", "multipleAreasInvolved", "institutionalSetting");
  private static final Map<String, String> NATIONAL_CRITERIA_INPUTS =
      booleans(
          "improvementsNeeded", "legislationOrGuidanceChange", "recurrentThemes", "educatedOtherwiseThanAtSchool",
          "inCareOrOnChildProtectionPlan", "rangeOfAbuseTypes", "institutionalSetting");
  private static final Map<String, String> CRITERIA_OUTPUTS =
      Map.of("criteriaMet", "boolean", "regardCircumstances", "boolean", "rationale", "string");

  static final List<Contract> CONTRACTS =
      List.of(
          new Contract(
              "seriousCaseCriteria",
              Set.of(HitPolicy.FIRST, HitPolicy.UNIQUE),
              Map.of(
                  "abuseOrNeglectKnownOrSuspected", "boolean",
                  "childDied", "boolean",
                  "childSeriouslyHarmed", "boolean",
                  "childAgeAtIncident", "integer"),
              Map.of("seriousCase", "boolean", "reason", "string"),
              null),
          new Contract(
              "notificationDuties",
              Set.of(HitPolicy.COLLECT),
              Map.of(
                  "seriousCase", "boolean",
                  "incidentLocation", "string",
                  "childDied", "boolean",
                  "lookedAfterChild", "boolean",
                  "careLeaver", "boolean",
                  "ageAtDeath", "integer"),
              Map.of("duty", "string"),
              Set.of(
                  "NOTIFY_PANEL",
                  "REPORT_TO_SAFEGUARDING_PARTNERS",
                  "RAPID_REVIEW",
                  "NOTIFY_SECRETARY_OF_STATE_AND_OFSTED",
                  "NOTIFY_OFSTED_AND_DFE_CARE_LEAVER_DEATH")),
          new Contract("localReviewCriteria", SINGLE_RESULT, LOCAL_CRITERIA_INPUTS, CRITERIA_OUTPUTS, null),
          new Contract("nationalReviewCriteria", SINGLE_RESULT, NATIONAL_CRITERIA_INPUTS, CRITERIA_OUTPUTS, null),
          new Contract(
              "localTimescales",
              Set.of(HitPolicy.FIRST),
              Map.of("partnership", "string", "step", "string"),
              Map.of("workingDays", "integer"),
              null),
          new Contract(
              "parallelReviewTriggers",
              Set.of(HitPolicy.COLLECT),
              Map.ofEntries(
                  Map.entry("victimDied", "boolean"),
                  Map.entry("victimAge", "integer"),
                  Map.entry("perpetratorRelationship", "string"),
                  Map.entry("adultWithCareAndSupportNeeds", "boolean"),
                  Map.entry("mappaLevel", "integer"),
                  Map.entry("daysSinceMappaManagementEnded", "integer"),
                  Map.entry("offenceCategory", "string"),
                  Map.entry("mappaPublicInterest", "boolean"),
                  Map.entry("underProbationSupervision", "boolean"),
                  Map.entry("childOnYouthJusticeCaseload", "boolean"),
                  Map.entry("daysSinceYouthJusticeSupervisionEnded", "integer"),
                  Map.entry("childCharged", "boolean"),
                  Map.entry("unexpectedOrUnexplainedDeath", "boolean"),
                  Map.entry("diedInStateDetention", "boolean"),
                  Map.entry("criminalInvestigation", "boolean"),
                  Map.entry("migrationBorderOrCitizenshipIssue", "boolean"),
                  Map.entry("learningDisabilityOrAutism", "boolean")),
              Map.of("review", "string"),
              Set.of(
                  "DOMESTIC_HOMICIDE_REVIEW",
                  "SAFEGUARDING_ADULTS_REVIEW",
                  "MAPPA_SCR_MANDATORY",
                  "MAPPA_SCR_DISCRETIONARY",
                  "PROBATION_SFO_REVIEW",
                  "YOUTH_JUSTICE_SERIOUS_INCIDENT",
                  "CHILD_DEATH_REVIEW",
                  "CORONER_INQUEST",
                  "CRIMINAL_INVESTIGATION",
                  "HOME_OFFICE_CONTRIBUTION",
                  "LEDER_REVIEW")));

  static Stream<Contract> contracts() {
    return CONTRACTS.stream();
  }

  @Test
  void everyDecisionFileIsAContractedDecisionWithRegressionCases() throws Exception {
    URL folder = DecisionContractTest.class.getClassLoader().getResource("dmn");
    assertThat(folder).as("dmn/ on the classpath").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      Set<String> names = files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
      Set<String> keys = names.stream().filter(n -> n.endsWith(".dmn")).map(n -> n.replace(".dmn", "")).collect(Collectors.toSet());
      assertThat(keys).containsExactlyInAnyOrderElementsOf(DecisionTables.KEYS);
      assertThat(CONTRACTS.stream().map(Contract::key)).containsExactlyInAnyOrderElementsOf(DecisionTables.KEYS);
      DecisionTables.KEYS.forEach(key -> assertThat(names).contains(key + ".cases.json"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void keyHitPolicyInputsAndOutputsAreAsSpecified(Contract contract) {
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
  void everyRuleCitesTheGuidanceAndReturnsOnlyContractedCodes(Contract contract) {
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
  void hasADiagramShapeForModeler(Contract contract) throws Exception {
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

  private static Map<String, String> booleans(String... names) {
    return Stream.of(names).collect(Collectors.toMap(name -> name, name -> "boolean"));
  }
}
