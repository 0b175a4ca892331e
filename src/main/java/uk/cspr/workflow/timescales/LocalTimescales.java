package uk.cspr.workflow.timescales;

import org.springframework.stereotype.Component;

/**
 * STUB (API fixed, implementation by the decisions work): local step offsets from the decision
 * {@code localTimescales} (SPEC §4), bean {@code localTimescales}. Use in BPMN as
 * {@code ${workingDays.deadline(decidedAt, localTimescales.workingDays(partnership, 'rapidReview.meeting'))}}.
 */
@Component("localTimescales")
public class LocalTimescales {

  /** Working days allowed for a step in a partnership (its own row, else the default row). */
  public int workingDays(String partnership, String step) {
    throw new UnsupportedOperationException("stub");
  }
}
