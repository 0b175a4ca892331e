package uk.cspr.workflow.rapidreview;

/**
 * What the Child Safeguarding Practice Review Panel answers after receiving a rapid review or new
 * information (Working Together 2023 ch.4 paras 22-27; NEL guidance §5). Output {@code panelAnswer}
 * of {@code panelDecision}.
 */
public enum PanelAnswer {
  /** The Panel needs more information before deciding (WT para 24-25); partners must share it. */
  FURTHER_INFORMATION_REQUESTED,
  /** The Panel will commission and lead a national review (WT para 25-27); partners support it. */
  NATIONAL_REVIEW,
  /** No national review: the safeguarding partners' own decision (LCSPR or not) stands. */
  LOCAL_DECISION_STANDS
}
