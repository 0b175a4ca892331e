package uk.cspr.workflow.support;

/** The national mailboxes of SPEC §5 (from the seeds), as the shipped configuration must deliver to them. */
public final class SpecMailboxes {

  public static final String PANEL = "Mailbox.NationalReviewPanel@education.gov.uk";
  /** Secretary of State for Education (DfE). */
  public static final String SECRETARY_OF_STATE = "Mailbox.CPOD@education.gov.uk";
  public static final String OFSTED = "SCR.SIN@ofsted.gov.uk";
  public static final String NSPCC = "information@nspcc.org.uk";
  /** North Lincolnshire's business unit (MARS). */
  public static final String NORTH_LINCS_BUSINESS_UNIT = "mars@northlincs.gov.uk";

  private SpecMailboxes() {}
}
