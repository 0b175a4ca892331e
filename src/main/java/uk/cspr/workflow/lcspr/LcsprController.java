package uk.cspr.workflow.lcspr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.cspr.workflow.security.CsprGroups;

/**
 * "At any time" steps of a local review that a person starts: {@code POST
 * /api/cases/{caseReference}/lcspr/learning} (record learning, corrective action or new
 * information, WT para 42) and {@code POST /api/cases/{caseReference}/lcspr/planned-publication-date}
 * (change the planned publication date). Each only opens the Tasklist task for it (messages {@code
 * cspr.learningIdentified}, {@code cspr.publicationDateChangeRequested}); what is recorded is entered
 * and checked in that task and attributed to whoever completes it.
 *
 * <p>Who may ask: a member of the case's partnership in the CSPR group, the business unit or the
 * managers. This endpoint checks that itself and then opens the task on the engine's behalf, so
 * these groups need no general permission to change process instances.
 */
@RestController
@RequestMapping("/api/cases/{caseReference}/lcspr")
class LcsprController {

  static final Set<String> GROUPS = Set.of(CsprGroups.SENIOR_LEADS, CsprGroups.BUSINESS_UNIT, CsprGroups.MANAGERS);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  LcsprController(RuntimeService runtimeService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  record Requested(String caseReference, String message, String processInstanceId) {}

  @PostMapping("/learning")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Requested learning(@PathVariable String caseReference) {
    return request(caseReference, LcsprProcess.Messages.LEARNING_IDENTIFIED);
  }

  @PostMapping("/planned-publication-date")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Requested plannedPublicationDate(@PathVariable String caseReference) {
    return request(caseReference, LcsprProcess.Messages.PUBLICATION_DATE_CHANGE_REQUESTED);
  }

  private Requested request(String caseReference, String message) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    boolean admin = groups.contains(CsprGroups.ADMIN);
    if (!admin && groups.stream().noneMatch(GROUPS::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the CSPR group, business unit or managers");
    }
    identityService.clearAuthentication();
    try {
      ProcessInstance review = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(LcsprProcess.KEY).processInstanceBusinessKey(caseReference).active().singleResult();
      boolean member = review != null
          && (admin || (user.getTenantIds() != null && user.getTenantIds().contains(review.getTenantId())));
      if (!member) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No local review in progress for " + caseReference);
      }
      runtimeService.createMessageCorrelation(message)
          .processInstanceId(review.getId())
          .setVariablesLocal(Map.of("requestedBy", user.getUserId()))
          .correlate();
      return new Requested(caseReference, message, review.getId());
    } catch (MismatchingMessageCorrelationException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The review cannot take this request now");
    } finally {
      identityService.setAuthentication(user);
    }
  }
}
