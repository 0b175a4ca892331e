package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.6: every user task of every model has an owner (a candidate group) and a due date, so it
 * shows in Tasklist's "Due soon" and "Overdue" filters. A due date comes from the model's {@code
 * camunda:dueDate}, or is set in code on create (escalations, by cases.DeadlineBreachListener: the
 * next working day). The tasks still without one are listed by name, so a new undated task fails
 * this test and dating one means taking it off the list.
 */
class TaskOwnersAndDueDatesTest {

  /** Dated on create by cases.DeadlineBreachListener. */
  private static final String DATED_IN_CODE = "userTask_escalateMissedDeadline";

  /** Not dated yet (model/task id): each still needs a timescale grounded in the guidance or a local procedure. */
  private static final Set<String> NOT_DATED_YET = Set.of(
      "lcspr/userTask_recordFamilyConsent", "lcspr/userTask_commissionReviewer", "lcspr/userTask_agreeTermsOfReference",
      "lcspr/userTask_endorseTermsOfReference", "lcspr/userTask_planFamilyEngagement", "lcspr/userTask_recordFamilyEngagement",
      "lcspr/userTask_recordPractitionerEvents", "lcspr/userTask_submitDraftReport", "lcspr/userTask_submitFinalReport",
      "lcspr/userTask_assessProgress", "lcspr/userTask_endorseFinalReport", "lcspr/userTask_reviseFinalReport",
      "lcspr/userTask_decidePublication", "lcspr/userTask_reviewReportAvailability", "lcspr/userTask_agreeActionPlan",
      "lcspr/userTask_reviewActionPlan", "lcspr/userTask_signOffActionPlan", "lcspr/userTask_auditImprovements",
      "lcspr/userTask_recordLearning", "lcspr/userTask_confirmPublicationDateAfterProceedings",
      "lcspr/userTask_updatePlannedPublicationDate", "lcspr/userTask_confirmPublicationTimetable",
      "lcspr/userTask_explainLatePublication",
      "nonSeriousCaseRequest/userTask_checkRequest", "nonSeriousCaseRequest/userTask_commissionLearningReview",
      "parallelReviewInterface/userTask_agreeWorking", "parallelReviewInterface/userTask_trackUntilClosed",
      "seriousIncidentNotification/userTask_authoriseReferral", "seriousIncidentNotification/userTask_resolveAtSeniorLeads",
      "seriousIncidentNotification/userTask_resolveAtSafeguardingPartners",
      "seriousIncidentNotification/userTask_mediateDisagreement",
      "seriousIncidentNotification/userTask_recordOtherAuthorityNotification");

  @Test
  void everyUserTaskHasACandidateGroupAndADueDate() throws IOException {
    List<String> withoutOwner = new ArrayList<>();
    Set<String> undated = new TreeSet<>();
    int count = 0;
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        String process = model.getFileName().toString().replace(".bpmn", "");
        for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
          count++;
          String id = process + "/" + task.getId();
          if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
            withoutOwner.add(id);
          }
          boolean dated = task.getCamundaDueDate() != null && !task.getCamundaDueDate().isBlank()
              || task.getId().equals(DATED_IN_CODE);
          if (!dated) {
            undated.add(id);
          }
        }
      }
    }
    assertThat(count).isGreaterThan(50);
    assertThat(withoutOwner).as("user tasks without a candidate group").isEmpty();
    assertThat(undated).as("user tasks without a due date (date them, or justify them in NOT_DATED_YET)")
        .isSubsetOf(NOT_DATED_YET);
    assertThat(NOT_DATED_YET).as("listed as undated but now dated or gone: take them off the list").isSubsetOf(undated);
  }
}
