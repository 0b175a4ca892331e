package uk.cspr.workflow.notification;

import java.util.Map;

/** The tests' referral form values ({@link Referrals}, package-private) for the benchmarks. */
public final class BenchReferrals {

  /** A North Lincolnshire referral, one seriously harmed child, with these fields replaced. */
  public static Map<String, Object> referral(Map<String, Object> overrides) {
    Referrals referral = Referrals.referral();
    overrides.forEach(referral::with);
    return referral.values();
  }

  private BenchReferrals() {}
}
