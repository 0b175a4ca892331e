package uk.cspr.workflow.parallel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The other processes the decision {@code parallelReviewTriggers} can list (its output {@code review}),
 * with the lead who must be told (SPEC §3.5; North Lincs Appendix 3; Cambs Appendix 2). The decision is
 * authoritative: a code it adds later still flows through the process with a generic name and lead.
 */
public enum ParallelReview {
  DOMESTIC_HOMICIDE_REVIEW(
      "Domestic homicide review (domestic abuse related death review)", "Chair of the community safety partnership"),
  SAFEGUARDING_ADULTS_REVIEW("Safeguarding adults review", "Safeguarding adults board (independent chair)"),
  MAPPA_SCR_MANDATORY(
      "MAPPA serious case review (mandatory)", "Chair of the MAPPA strategic management board"),
  MAPPA_SCR_DISCRETIONARY(
      "MAPPA serious case review (discretionary)", "Chair of the MAPPA strategic management board"),
  PROBATION_SFO_REVIEW("Serious further offence review", "Head of the Probation Service for the region"),
  YOUTH_JUSTICE_SERIOUS_INCIDENT(
      "Youth justice serious incident notification", "Youth justice service (for the Youth Justice Board)"),
  CHILD_DEATH_REVIEW("Child death review", "Child death overview panel"),
  CORONER_INQUEST("Coroner's investigation and inquest", "HM Coroner for the area"),
  CRIMINAL_INVESTIGATION(
      "Criminal investigation and proceedings (CPS protocol)", "Senior investigating officer (police)"),
  HOME_OFFICE_CONTRIBUTION(
      "Home Office contribution (migration, border or citizenship)", "Home Office Chief Caseworking Unit"),
  LEDER_REVIEW("LeDeR review (learning from lives and deaths)", "LeDeR local area contact (integrated care board)");

  private final String reviewName;
  private final String leadTitle;

  ParallelReview(String reviewName, String leadTitle) {
    this.reviewName = reviewName;
    this.leadTitle = leadTitle;
  }

  public String reviewName() {
    return reviewName;
  }

  public String leadTitle() {
    return leadTitle;
  }

  /** The configuration key of a code: {@code DOMESTIC_HOMICIDE_REVIEW} → {@code domestic-homicide-review}. */
  public static String propertyKey(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<ParallelReview> of(String code) {
    return Arrays.stream(values()).filter(review -> review.name().equals(code)).findFirst();
  }
}
