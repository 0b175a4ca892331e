package uk.cspr.workflow.security;

import java.util.List;

/** Camunda group ids of SPEC §1. They are part of the public contract. */
public final class CsprGroups {

  public static final String BUSINESS_UNIT = "business-unit";
  public static final String AGENCY_LEADS = "agency-leads";
  public static final String SENIOR_LEADS = "safeguarding-senior-leads";
  public static final String DELEGATED_PARTNERS = "delegated-safeguarding-partners";
  public static final String LOCAL_AUTHORITY = "local-authority";
  public static final String INDEPENDENT_SCRUTINEER = "independent-scrutineer";
  public static final String REVIEWERS = "reviewers";
  public static final String MANAGERS = "managers";
  public static final String ANALYSTS = "analysts";
  public static final String ADMIN = "camunda-admin";

  /** Groups that work tasks in Tasklist; the shared Tasklist filters are granted to them one by one. */
  public static final List<String> TASKLIST_USERS =
      List.of(
          BUSINESS_UNIT,
          AGENCY_LEADS,
          SENIOR_LEADS,
          DELEGATED_PARTNERS,
          LOCAL_AUTHORITY,
          INDEPENDENT_SCRUTINEER,
          REVIEWERS,
          MANAGERS);

  /** Every group with the display name it gets in Admin. */
  public static final List<List<String>> ALL =
      List.of(
          List.of(BUSINESS_UNIT, "Partnership business unit"),
          List.of(AGENCY_LEADS, "Agency safeguarding leads"),
          List.of(SENIOR_LEADS, "Safeguarding senior leads"),
          List.of(DELEGATED_PARTNERS, "Delegated safeguarding partners"),
          List.of(LOCAL_AUTHORITY, "Local authority notifiers"),
          List.of(INDEPENDENT_SCRUTINEER, "Independent scrutineers"),
          List.of(REVIEWERS, "Reviewers"),
          List.of(MANAGERS, "Managers"),
          List.of(ANALYSTS, "Analysts"),
          List.of(ADMIN, "Administrators"));

  private CsprGroups() {}
}
