package uk.cspr.workflow.rapidreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.rapidreview.NotifiedCases.notifiedAt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.cases.FieldMessages;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.criteria.CaseDecisionHistory;
import uk.cspr.workflow.learning.CaseThemes;
import uk.cspr.workflow.learning.CaseThemes.Review;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;

/**
 * A case's themes at the rapid review (issue 19.1) and their recurrence offered to the meeting
 * (issue 19.2), with the real engine, listeners and table. Themes no other test records
 * (safe sleep, young carer, online harm) keep the counts exact in the shared database.
 */
@CsprSpringBootTest
class RapidReviewThemesTest {

  private static final String NL = "north-lincolnshire";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseThemes caseThemes;
  @Autowired CaseDecisionHistory decisions;
  @Autowired JdbcTemplate jdbc;
  RapidReviewSteps steps;

  @BeforeEach
  void steps() {
    steps = new RapidReviewSteps(runtime, tasks);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  private static Instant london(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(EngineClock.LONDON).toInstant();
  }

  /** A case at its meeting (created 25 Mar 2027, 12:00) whose scheduling recorded {@code themes}. */
  private ProcessInstance atMeetingWith(List<String> themes) {
    NotifiedCases notified = notifiedAt("2027-03-18T11:00");
    ProcessInstance review = steps.start(notified, "2027-03-19T10:00");
    steps.confirmAgencies(review, "Humberside Police");
    steps.complete(review, RapidReviewProcess.Elements.SCHEDULE_MEETING, RapidReviewProcess.Vars.MEETING_AT, "2027-03-26T10:00",
        "caseThemes", themes);
    EngineClock.setTo("2027-03-25T12:00");
    steps.returnAllReports(review);
    EngineClock.setTo("2027-03-26T15:00");
    return review;
  }

  private List<Map<String, Object>> rows(String caseReference) {
    return jdbc.queryForList("SELECT review, theme_code FROM cspr_case_theme WHERE case_reference = ? ORDER BY review, theme_code",
        caseReference);
  }

  @Test
  void theMeetingIsShownHowManyOfThePartnershipsEarlierCasesHadEachThemeAndOverridesTheOfferedAnswer() {
    // the window starts 3 years before the meeting's task was created (25 Mar 2027, 12:00)
    caseThemes.replace("NL-2024-0901", NL, Review.RAPID_REVIEW, List.of("safe-sleep"), london("2024-03-25T12:00"), "bu");
    caseThemes.replace("NL-2024-0902", NL, Review.RAPID_REVIEW, List.of("safe-sleep"), london("2024-03-25T11:59"), "bu");
    caseThemes.replace("BOL-2026-0903", "bolton", Review.RAPID_REVIEW, List.of("safe-sleep", "young-carer"),
        london("2026-06-01T10:00"), "bu");
    caseThemes.replace("NL-2026-0904", NL, Review.RAPID_REVIEW, List.of("young-carer"), london("2026-06-01T10:00"), "bu");
    // the LCSPR's themes replace the rapid review's for that case: no longer safe sleep
    caseThemes.replace("NL-2025-0905", NL, Review.RAPID_REVIEW, List.of("safe-sleep"), london("2025-06-01T10:00"), "bu");
    caseThemes.replace("NL-2025-0905", NL, Review.LCSPR, List.of("young-carer"), london("2026-01-10T10:00"), "reviewer");

    ProcessInstance review = atMeetingWith(List.of("safe-sleep", "young-carer", "online-harm"));
    String reference = review.getBusinessKey();
    String meeting = steps.task(review, RapidReviewProcess.Elements.RECORD_MEETING).getId();
    assertThat(tasks.getVariableLocal(meeting, "themeRecurrence")).as("counts only: the senior leads may not read other cases")
        .isEqualTo("Earlier cases of this partnership in the last 3 years with the same themes: Online harm: no earlier case; "
            + "Young carer: 2 earlier cases; Safe sleep: 1 earlier case.");
    assertThat(runtime.getVariable(review.getId(), "recurrentThemesOffered")).isEqualTo(true);
    assertThat(runtime.getVariable(review.getId(), "recurrentThemes")).as("the form's box is ticked").isEqualTo(true);
    assertThat(rows(reference)).as("scheduling recorded the themes once")
        .extracting(row -> row.get("REVIEW") + " " + row.get("THEME_CODE"))
        .containsExactly("RAPID_REVIEW online-harm", "RAPID_REVIEW safe-sleep", "RAPID_REVIEW young-carer");

    steps.recordMeetingWith(review, "false", "false", "false", Map.of("caseThemes", List.of("young-carer", "online-harm"),
        "recurrentThemes", "false"));

    assertThat(rows(reference)).as("the meeting's themes replace those of the scheduling")
        .extracting(row -> row.get("REVIEW") + " " + row.get("THEME_CODE"))
        .containsExactly("RAPID_REVIEW online-harm", "RAPID_REVIEW young-carer");
    assertThat(runtime.getVariable(review.getId(), "recurrentThemes")).isEqualTo(false);
    assertThat(runtime.getVariable(review.getId(), "recurrentThemesOffered")).as("kept apart").isEqualTo(true);
    List<CaseDecisionHistory.Evaluation> criteria = decisions.of(reference).stream()
        .filter(evaluation -> List.of("localReviewCriteria", "nationalReviewCriteria").contains(evaluation.decisionKey())).toList();
    assertThat(criteria).hasSize(2).allSatisfy(evaluation -> assertThat(evaluation.notes()).containsExactly(
        "Recurrent themes was offered as Yes from the recurrence of the case's themes (Earlier cases of this partnership in the "
            + "last 3 years with the same themes: Online harm: no earlier case; Young carer: 2 earlier cases; Safe sleep: 1 earlier "
            + "case.), and the meeting answered No (overridden)."));
    assertThat(criteria.get(0).inputs()).anySatisfy(input -> {
      assertThat(input.label()).containsIgnoringCase("recurrent");
      assertThat(input.value()).isEqualTo(false);
    });
    assertThat(decisions.of(reference).stream().filter(evaluation -> evaluation.decisionKey().equals("localTimescales")))
        .allSatisfy(evaluation -> assertThat(evaluation.notes()).isEmpty());
  }

  @Test
  void withNoThemeRecurringNoIsOfferedAndTheMeetingConfirmsIt() {
    caseThemes.replace("NL-2026-0911", NL, Review.RAPID_REVIEW, List.of("age-15-to-17"), london("2026-06-01T10:00"), "bu");
    ProcessInstance review = atMeetingWith(List.of("under-1"));
    assertThat(tasks.getVariableLocal(steps.task(review, RapidReviewProcess.Elements.RECORD_MEETING).getId(), "themeRecurrence"))
        .isEqualTo("Earlier cases of this partnership in the last 3 years with the same themes: Under 1 year: no earlier case.");
    assertThat(runtime.getVariable(review.getId(), "recurrentThemes")).isEqualTo(false);

    steps.recordMeeting(review, false, false, false); // the box left as offered, the themes as scheduled

    assertThat(caseThemes.of(review.getBusinessKey())).containsExactly("under-1");
    assertThat(decisions.of(review.getBusinessKey()).stream().filter(evaluation -> evaluation.decisionKey().equals("localReviewCriteria"))
        .findFirst().orElseThrow().notes()).singleElement().asString()
        .startsWith("Recurrent themes was offered as No").endsWith("the meeting answered No (confirmed).");
  }

  @Test
  void theMeetingNeedsAtLeastOneThemeFromTheListAndARefusalRecordsNothing() {
    ProcessInstance review = atMeetingWith(List.of());
    assertThat(tasks.getVariableLocal(steps.task(review, RapidReviewProcess.Elements.RECORD_MEETING).getId(), "themeRecurrence"))
        .asString().startsWith("No themes were recorded when the meeting was scheduled");
    assertThat(rows(review.getBusinessKey())).as("scheduling without themes records none").isEmpty();

    assertThatThrownBy(() -> steps.recordMeetingWith(review, "false", "false", "false", Map.of("caseThemes", List.of())))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, refusal -> assertThat(FieldMessages.sentence(refusal))
            .isEqualTo("The case's themes must have at least one theme ticked: tick every theme that applies to the case."));
    assertThatThrownBy(() -> steps.recordMeetingWith(review, "false", "false", "false",
        Map.of("caseThemes", List.of("neglect", "NEGLECT; DROP TABLE"))))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, refusal -> assertThat(refusal.getMessage())
            .isEqualTo("caseThemes: must be chosen from the list offered"));
    assertThat(rows(review.getBusinessKey())).isEmpty();
    assertThat(steps.task(review, RapidReviewProcess.Elements.RECORD_MEETING)).as("the meeting stays open").isNotNull();

    steps.recordMeetingWith(review, "false", "false", "false", Map.of("caseThemes", "[\"neglect\",\"safe-sleep\"]"));
    assertThat(caseThemes.of(review.getBusinessKey())).as("a JSON list, as Tasklist sends it").containsExactly("neglect", "safe-sleep");
  }
}
