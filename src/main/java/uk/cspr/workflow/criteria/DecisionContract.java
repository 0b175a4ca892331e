package uk.cspr.workflow.criteria;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;

/**
 * The public contract of one decision (SPEC §4): key, allowed hit policies, input expression names
 * and types, output names and types, and the output codes other flows branch on ({@code null}
 * when the outputs are free values). Processes depend on it, so an edit may change the rules but
 * never the contract. {@link #ALL} is the one definition the workbench, the deployment guard and
 * {@code DecisionContractTest} share.
 *
 * @param partnershipSpecific whether a partnership may deploy its own version (as its tenant) that
 *     the flows then prefer; the other tables are shared by every partnership
 */
public record DecisionContract(
    String key,
    Set<HitPolicy> hitPolicies,
    Map<String, String> inputs,
    Map<String, String> outputs,
    Set<String> outputCodes,
    boolean partnershipSpecific) {

  private static final Set<HitPolicy> SINGLE_RESULT =
      Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY, HitPolicy.PRIORITY);
  private static final Map<String, String> CRITERIA_OUTPUTS =
      Map.of("criteriaMet", "boolean", "regardCircumstances", "boolean", "rationale", "string");

  /** Every contracted decision, in SPEC §4 order. */
  public static final List<DecisionContract> ALL =
      List.of(
          new DecisionContract(
              "seriousCaseCriteria",
              Set.of(HitPolicy.FIRST, HitPolicy.UNIQUE),
              Map.of(
                  "abuseOrNeglectKnownOrSuspected", "boolean",
                  "childDied", "boolean",
                  "childSeriouslyHarmed", "boolean",
                  "childAgeAtIncident", "integer"),
              Map.of("seriousCase", "boolean", "reason", "string"),
              null,
              false),
          new DecisionContract(
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
                  "NOTIFY_OFSTED_AND_DFE_CARE_LEAVER_DEATH"),
              false),
          new DecisionContract(
              "localReviewCriteria",
              SINGLE_RESULT,
              booleans(
                  "improvementsNeeded", "recurrentThemes", "multiAgencyWorkingConcerns", "panelAdvisedLocalReview",
                  "singleAgencyConcern", "noAgencyInvolvementConcern", "multipleAreasInvolved", "institutionalSetting"),
              CRITERIA_OUTPUTS,
              null,
              false),
          new DecisionContract(
              "nationalReviewCriteria",
              SINGLE_RESULT,
              booleans(
                  "improvementsNeeded", "legislationOrGuidanceChange", "recurrentThemes", "educatedOtherwiseThanAtSchool",
                  "inCareOrOnChildProtectionPlan", "rangeOfAbuseTypes", "institutionalSetting"),
              CRITERIA_OUTPUTS,
              null,
              false),
          new DecisionContract(
              "localTimescales",
              Set.of(HitPolicy.FIRST),
              Map.of("partnership", "string", "step", "string"),
              Map.of("workingDays", "integer"),
              null,
              true),
          new DecisionContract(
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
                  "LEDER_REVIEW"),
              false));

  /** Every decision key of SPEC §4; each has {@code dmn/<key>.dmn} and {@code dmn/<key>.cases.json}. */
  public static final List<String> KEYS = ALL.stream().map(DecisionContract::key).toList();

  public static Optional<DecisionContract> find(String key) {
    return ALL.stream().filter(contract -> contract.key().equals(key)).findFirst();
  }

  /** Whether the table returns every matching row (COLLECT) rather than one. */
  public boolean collect() {
    return hitPolicies.equals(Set.of(HitPolicy.COLLECT));
  }

  @Override
  public String toString() {
    return key;
  }

  private static Map<String, String> booleans(String... names) {
    return Stream.of(names).collect(Collectors.toUnmodifiableMap(name -> name, name -> "boolean"));
  }
}
