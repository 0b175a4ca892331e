package uk.cspr.workflow.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static uk.cspr.workflow.config.ProcessKeys.NON_SERIOUS_CASE_REQUEST;
import static uk.cspr.workflow.config.ProcessKeys.PARALLEL_REVIEW_INTERFACE;
import static uk.cspr.workflow.config.ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION;
import static uk.cspr.workflow.security.CsprGroups.ADMIN;
import static uk.cspr.workflow.security.CsprGroups.AGENCY_LEADS;
import static uk.cspr.workflow.security.CsprGroups.ANALYSTS;
import static uk.cspr.workflow.security.CsprGroups.BUSINESS_UNIT;
import static uk.cspr.workflow.security.CsprGroups.LOCAL_AUTHORITY;
import static uk.cspr.workflow.security.CsprGroups.MANAGERS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each group of SPEC §1 may do. This list is the README's permission table; {@link
 * AccessSetup} applies it at start-up. Administrators get every permission on every resource. Task permissions come from candidate groups (the engine
 * grants them per task); process instances and tasks are further limited to the user's tenants.
 */
final class AccessPolicy {

  /** One grant: a group gets permissions on a resource (id or "*"). */
  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {}

  /** Groups that may refer a case (start form or REST). */
  private static final List<String> REFERRERS = List.of(BUSINESS_UNIT, AGENCY_LEADS, LOCAL_AUTHORITY);

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(ADMIN, resource, "*", ALL));
    }
    // Filters are granted one by one (tasks.TasklistFilters), so personal filters stay personal
    for (String group : CsprGroups.TASKLIST_USERS) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", ACCESS));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", READ));
    }
    for (String group : REFERRERS) {
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", CREATE));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, SERIOUS_INCIDENT_NOTIFICATION, READ, CREATE_INSTANCE));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, NON_SERIOUS_CASE_REQUEST, READ, CREATE_INSTANCE));
    }
    grants.add(new Grant(BUSINESS_UNIT, Resources.PROCESS_DEFINITION, PARALLEL_REVIEW_INTERFACE, READ, CREATE_INSTANCE));
    for (String group : List.of(BUSINESS_UNIT, MANAGERS)) {
      grants.add(new Grant(group, Resources.APPLICATION, "cockpit", ACCESS));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", READ));
      grants.add(new Grant(group, Resources.TASK, "*", READ));
      grants.add(new Grant(group, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY));
      grants.add(new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
      grants.add(new Grant(group, Resources.DEPLOYMENT, "*", READ));
    }
    // Analysts maintain the criteria: deploy decisions and read decision history, nothing else (no
    // process data, no evaluating decisions through REST). DEPLOYMENT CREATE cannot be limited to
    // .dmn files: criteria.CriteriaDeploymentGuard refuses anything else from an analyst.
    grants.add(new Grant(ANALYSTS, Resources.APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(ANALYSTS, Resources.DEPLOYMENT, "*", CREATE, READ));
    grants.add(new Grant(ANALYSTS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY));
    grants.add(new Grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    return grants;
  }

  /**
   * The national group ({@code cspr.reports.national-group}, issue 19.5): Cockpit, where the yearly
   * figures page is, and nothing else; no process, task or history permission and no tenant, so it
   * reads only what {@code reports.ReportAccess} gives it (every partnership's figures).
   */
  static List<Grant> nationalGroupGrants(String group) {
    return List.of(new Grant(group, Resources.APPLICATION, "cockpit", ACCESS));
  }

  private AccessPolicy() {}
}
