package uk.cspr.workflow.notification;

import static uk.cspr.workflow.notification.NotificationProcess.Vars.AWARE_OF_INCIDENT_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.INCIDENT_DATE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.DeadlineMoves;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.security.CsprGroups;

/**
 * The dedicated step for a wrongly recorded awareness time (issue 15): nobody rewrites a case's
 * facts or deadlines directly, but the partnership's business unit (or an administrator) may correct
 * when the local authority became aware, with a reason. The correction is recorded on the case
 * (who, when, old and new value, reason, the deadlines it moved) and the deadlines that count from
 * awareness — notify the Panel and report to the partners, 5 working days (WT 2023 ch.4 para 12) —
 * are recomputed, with the open steps and their timers.
 */
@Component
class AwarenessCorrection {

  static final String FACT = "fact";
  static final String VALUE = "value";
  static final String REASON = "reason";

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final WorkingDays workingDays;
  private final DeadlineMoves moves;

  AwarenessCorrection(RuntimeService runtime, IdentityService identity, WorkingDays workingDays, DeadlineMoves moves) {
    this.runtime = runtime;
    this.identity = identity;
    this.workingDays = workingDays;
    this.moves = moves;
  }

  @Transactional
  Map<String, Object> correct(String caseReference, Map<String, Object> request) {
    Authentication user = corrector();
    ProcessInstance notification = notificationOf(caseReference);
    FormValues form = new FormValues(request);
    if (!AWARE_OF_INCIDENT_AT.equals(form.text(FACT, 100, true, false))) {
      throw new InvalidCaseDataException(FACT, "only the time the local authority became aware of the incident ("
          + AWARE_OF_INCIDENT_AT + ") can be corrected");
    }
    Instant awareAt = form.instant(VALUE);
    String reason = form.text(REASON, 1000, true, true);
    Instant now = ClockUtil.getCurrentTime().toInstant();

    identity.clearAuthentication();
    try {
      String id = notification.getId();
      Date incident = (Date) runtime.getVariable(id, INCIDENT_DATE);
      ReferralValidator.checkAwareness(VALUE, awareAt, incident.toInstant().atZone(FormValues.LONDON).toLocalDate(), now);
      Date before = (Date) runtime.getVariable(id, AWARE_OF_INCIDENT_AT);
      if (before.toInstant().equals(awareAt)) {
        throw new InvalidCaseDataException(VALUE, "is the time already recorded");
      }
      Map<String, Date> deadlines = RegisterReferralListener.statutoryDeadlines(workingDays, Date.from(awareAt));
      Map<String, Object> moved = new LinkedHashMap<>();
      deadlines.forEach((name, due) -> moved.put(name, Map.of("from", iso(runtime.getVariable(id, name)), "to", iso(due))));

      Map<String, Object> variables = new LinkedHashMap<>(deadlines);
      variables.put(AWARE_OF_INCIDENT_AT, Date.from(awareAt));
      runtime.setVariables(id, variables);
      DeadlineMoves.Moved work = moves.follow(id, deadlines, Date.from(now));

      Map<String, Object> correction = new LinkedHashMap<>();
      correction.put(FACT, AWARE_OF_INCIDENT_AT);
      correction.put("from", iso(before));
      correction.put("to", awareAt.toString());
      correction.put(REASON, reason);
      correction.put("by", user.getUserId());
      correction.put("at", now.toString());
      correction.put("deadlines", moved);
      correction.put("stepsMoved", work.steps());
      correction.put("breachesWithdrawn", work.breachesWithdrawn());
      List<Object> corrections = new ArrayList<>(CaseData.list(runtime.getVariable(id, CaseVariables.FACT_CORRECTIONS)));
      corrections.add(correction);
      runtime.setVariable(id, CaseVariables.FACT_CORRECTIONS, CaseData.json(corrections));
      return correction;
    } finally {
      identity.setAuthentication(user);
    }
  }

  /** The corrections recorded on the case, oldest first, for whoever may read the case. */
  List<Object> of(String caseReference) {
    return CaseData.list(runtime.getVariable(notificationOf(caseReference).getId(), CaseVariables.FACT_CORRECTIONS));
  }

  private Authentication corrector() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(CsprGroups.BUSINESS_UNIT) && !groups.contains(CsprGroups.ADMIN)) {
      throw new AuthorizationException("Only the partnership's business unit or an administrator can correct a case's facts.");
    }
    return user;
  }

  /** The case's running notification, as the caller sees it (their partnerships only). */
  private ProcessInstance notificationOf(String caseReference) {
    ProcessInstance notification = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .processInstanceBusinessKey(caseReference).singleResult();
    if (notification == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseReference + " in progress that you can see");
    }
    return notification;
  }

  private static String iso(Object date) {
    return date == null ? null : ((Date) date).toInstant().toString();
  }
}
