package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * Checks the facts the decision {@code parallelReviewTriggers} needs and returns them typed, every
 * input present (null where the form allows it, so the decision never meets a missing variable).
 * Used for the start form, the task {@code recordParallelReviewFacts} and the REST API alike.
 */
final class TriggerFacts {

  /** Domestic Violence, Crime and Victims Act 2004 and Care Act 2014 cover adults of any age. */
  static final int MAX_AGE = 120;
  private static final int MAX_DAYS = 100_000;
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** {@code perpetratorRelationship} codes. */
  enum Relationship { RELATIVE, INTIMATE_PARTNER, HOUSEHOLD_MEMBER, OTHER, UNKNOWN }

  /** {@code offenceCategory} codes. */
  enum OffenceCategory {
    MURDER, ATTEMPTED_MURDER, MANSLAUGHTER, RAPE, ATTEMPTED_RAPE, GBH_S18, GBH_S20, TERRORISM, OTHER_SERIOUS, NONE
  }

  private TriggerFacts() {}

  /** True when the submission carries the facts (otherwise the business unit records them in a task). */
  static boolean given(Map<String, Object> submitted) {
    return new FormValues(submitted).present(VICTIM_DIED);
  }

  static Map<String, Object> validate(Map<String, Object> submitted, Instant now) {
    FormValues form = new FormValues(submitted);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(AWARE_OF_INCIDENT_AT, Date.from(awareAt(form, now)));
    facts.put(VICTIM_AGE, form.integer(VICTIM_AGE, 0, MAX_AGE));
    facts.put(PERPETRATOR_RELATIONSHIP, form.code(PERPETRATOR_RELATIONSHIP, Relationship.class).name());
    facts.put(MAPPA_LEVEL, form.integer(MAPPA_LEVEL, 0, 3));
    facts.put(DAYS_SINCE_MAPPA_MANAGEMENT_ENDED, optionalDays(form, DAYS_SINCE_MAPPA_MANAGEMENT_ENDED));
    facts.put(OFFENCE_CATEGORY, form.code(OFFENCE_CATEGORY, OffenceCategory.class).name());
    facts.put(DAYS_SINCE_YOUTH_JUSTICE_SUPERVISION_ENDED, optionalDays(form, DAYS_SINCE_YOUTH_JUSTICE_SUPERVISION_ENDED));
    for (String fact : YES_NO_FACTS) {
      boolean required = fact.equals(VICTIM_DIED) || fact.equals(CRIMINAL_INVESTIGATION);
      facts.put(fact, form.bool(fact, required));
    }
    if ((Integer) facts.get(MAPPA_LEVEL) == 0 && facts.get(DAYS_SINCE_MAPPA_MANAGEMENT_ENDED) != null) {
      throw new InvalidCaseDataException(DAYS_SINCE_MAPPA_MANAGEMENT_ENDED, "applies only to a MAPPA offender (level 1 to 3)");
    }
    return facts;
  }

  static Instant awareAt(FormValues form, Instant now) {
    Instant awareAt = form.instant(AWARE_OF_INCIDENT_AT);
    if (awareAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidCaseDataException(AWARE_OF_INCIDENT_AT, "cannot be in the future");
    }
    return awareAt;
  }

  private static Integer optionalDays(FormValues form, String field) {
    return form.present(field) ? form.integer(field, 0, MAX_DAYS) : null;
  }
}
