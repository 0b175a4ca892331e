package uk.cspr.workflow.notification;

import static uk.cspr.workflow.notification.NotificationProcess.Vars.ABUSE_OR_NEGLECT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.AWARE_OF_INCIDENT_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.CHILDREN;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DISCUSSED_WITH_SENIOR_LEAD;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.INCIDENT_DATE;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.INCIDENT_LOCATION;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.INCIDENT_SUMMARY;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.OTHER_AREAS_INVOLVED;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.REFERRER_EMAIL;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.REFERRER_NAME;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.REFERRING_AGENCY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.Partnerships;

/**
 * Checks a referral (Doc 1 / SCSI 1 / Cambs Appendix 1) and returns its typed variables. Used for
 * the Tasklist start form and {@code POST /api/referrals} alike. Minimum necessary personal data:
 * no child names, only what the Panel's online form and the criteria need.
 */
final class ReferralValidator {

  /** The Panel's online notification form takes up to four children. */
  static final int MAX_CHILDREN = 4;
  /** Care leavers are in scope up to and including age 24 (Working Together 2023 ch.5 para 332). */
  static final int MAX_AGE = 24;
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  enum Sex { FEMALE, MALE, OTHER, NOT_KNOWN }

  private final Partnerships partnerships;

  ReferralValidator(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  Map<String, Object> validate(Map<String, Object> submitted, Instant now) {
    FormValues form = new FormValues(submitted);
    Map<String, Object> referral = new LinkedHashMap<>();
    String partnership = partnerships.required(form);
    referral.put(CaseVariables.PARTNERSHIP, partnership);
    referral.put(REFERRING_AGENCY, form.text(REFERRING_AGENCY, 200, true, false));
    referral.put(REFERRER_NAME, form.text(REFERRER_NAME, 200, true, false));
    referral.put(REFERRER_EMAIL, form.email(REFERRER_EMAIL));

    LocalDate incidentDate = form.date(INCIDENT_DATE);
    Instant awareAt = form.instant(AWARE_OF_INCIDENT_AT);
    LocalDate today = now.atZone(FormValues.LONDON).toLocalDate();
    if (incidentDate.isAfter(today)) {
      throw new InvalidCaseDataException(INCIDENT_DATE, "cannot be in the future");
    }
    checkAwareness(AWARE_OF_INCIDENT_AT, awareAt, incidentDate, now);
    referral.put(INCIDENT_DATE, Date.from(incidentDate.atStartOfDay(FormValues.LONDON).toInstant()));
    referral.put(AWARE_OF_INCIDENT_AT, Date.from(awareAt));

    referral.put(CHILDREN, children(form));
    referral.put(ABUSE_OR_NEGLECT, form.bool(ABUSE_OR_NEGLECT, true));
    referral.put(INCIDENT_LOCATION, form.code(INCIDENT_LOCATION, IncidentLocation.class).name());
    referral.put(OTHER_AREAS_INVOLVED, form.text(OTHER_AREAS_INVOLVED, 1000, false));
    referral.put(INCIDENT_SUMMARY, form.text(INCIDENT_SUMMARY, 4000, true));
    referral.put(DISCUSSED_WITH_SENIOR_LEAD, form.bool(DISCUSSED_WITH_SENIOR_LEAD, false));
    return referral;
  }

  /** When the local authority became aware: not in the future, not before the incident (WT ch.4 para 12). */
  static void checkAwareness(String field, Instant awareAt, LocalDate incidentDate, Instant now) {
    if (awareAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidCaseDataException(field, "cannot be in the future");
    }
    if (awareAt.atZone(FormValues.LONDON).toLocalDate().isBefore(incidentDate)) {
      throw new InvalidCaseDataException(field, "cannot be before the incident");
    }
  }

  private static List<Map<String, Object>> children(FormValues form) {
    List<Map<String, Object>> children = new ArrayList<>();
    List<Map<String, Object>> submitted = form.objects(CHILDREN, 1, MAX_CHILDREN);
    for (int i = 0; i < submitted.size(); i++) {
      children.add(child(new PrefixedValues(submitted.get(i), CHILDREN + "[" + (i + 1) + "].")));
    }
    if (children.stream().noneMatch(c -> c.get(Child.DIED).equals(true) || c.get(Child.SERIOUSLY_HARMED).equals(true))) {
      throw new InvalidCaseDataException(CHILDREN, "at least one child must have died or been seriously harmed");
    }
    return children;
  }

  private static Map<String, Object> child(PrefixedValues form) {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put(Child.AGE, form.integer(Child.AGE, 0, MAX_AGE));
    child.put(Child.SEX, form.code(Child.SEX, Sex.class).name());
    child.put(Child.ETHNICITY, form.text(Child.ETHNICITY, 100, true, false));
    child.put(Child.DISABILITY, form.bool(Child.DISABILITY, false));
    child.put(Child.DIED, form.bool(Child.DIED, false));
    child.put(Child.SERIOUSLY_HARMED, form.bool(Child.SERIOUSLY_HARMED, false));
    child.put(Child.LOOKED_AFTER, form.bool(Child.LOOKED_AFTER, false));
    child.put(Child.CARE_LEAVER, form.bool(Child.CARE_LEAVER, false));
    child.put(Child.CHILD_PROTECTION_PLAN, form.bool(Child.CHILD_PROTECTION_PLAN, false));
    child.put(Child.EDUCATED_OTHERWISE, form.bool(Child.EDUCATED_OTHERWISE, false));
    return child;
  }

  /** Field names of one child in the {@code children} list. */
  static final class Child {
    static final String AGE = "age";
    static final String SEX = "sex";
    static final String ETHNICITY = "ethnicity";
    static final String DISABILITY = "disability";
    static final String DIED = "died";
    static final String SERIOUSLY_HARMED = "seriouslyHarmed";
    static final String LOOKED_AFTER = "lookedAfter";
    static final String CARE_LEAVER = "careLeaver";
    static final String CHILD_PROTECTION_PLAN = "childProtectionPlan";
    static final String EDUCATED_OTHERWISE = "educatedOtherwiseThanAtSchool";

    private Child() {}
  }

  /** Reports a child's field as e.g. {@code children[2].age}. */
  private static final class PrefixedValues {
    private final FormValues values;
    private final String prefix;

    PrefixedValues(Map<String, Object> values, String prefix) {
      this.values = new FormValues(values);
      this.prefix = prefix;
    }

    int integer(String field, int min, int max) {
      return wrap(field, () -> values.integer(field, min, max));
    }

    <E extends Enum<E>> E code(String field, Class<E> codes) {
      return wrap(field, () -> values.code(field, codes));
    }

    String text(String field, int max, boolean required, boolean multiLine) {
      return wrap(field, () -> values.text(field, max, required, multiLine));
    }

    boolean bool(String field, boolean required) {
      return wrap(field, () -> values.bool(field, required));
    }

    private <T> T wrap(String field, java.util.function.Supplier<T> read) {
      try {
        return read.get();
      } catch (InvalidCaseDataException e) {
        throw new InvalidCaseDataException(prefix + field, e.problem());
      }
    }
  }
}
