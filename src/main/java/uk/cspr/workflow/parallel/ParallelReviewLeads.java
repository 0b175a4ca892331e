package uk.cspr.workflow.parallel;

import org.springframework.stereotype.Component;

/**
 * Bean {@code parallelReviewLeads}: the name, lead and addressee of a parallel process as the model's
 * expressions see them, e.g. {@code ${parallelReviewLeads.addressee(partnership, review)}}.
 */
@Component("parallelReviewLeads")
public class ParallelReviewLeads {

  /** The correspondence addressee code of the partnership's business unit. */
  static final String BUSINESS_UNIT = "BUSINESS_UNIT";

  private final ParallelReviewProperties properties;

  ParallelReviewLeads(ParallelReviewProperties properties) {
    this.properties = properties;
  }

  public String name(String code) {
    return ParallelReview.of(code).map(ParallelReview::reviewName).orElse("Other process (" + code + ")");
  }

  public String title(String code) {
    return ParallelReview.of(code).map(ParallelReview::leadTitle).orElse("Lead to be identified by the business unit");
  }

  /** The lead's e-mail address, or null when none is configured. */
  public String address(String partnership, String code) {
    return properties.leadAddress(partnership, code);
  }

  /**
   * The {@code to} of the lead notification: the lead's address when the correspondence service may
   * send to it directly, otherwise the business unit, which forwards the letter (it names the lead).
   */
  public String addressee(String partnership, String code) {
    String address = address(partnership, code);
    return properties.sendToLeadsDirectly() && address != null ? address : BUSINESS_UNIT;
  }
}
