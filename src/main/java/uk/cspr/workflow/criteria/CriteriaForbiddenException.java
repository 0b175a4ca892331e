package uk.cspr.workflow.criteria;

/** The caller may not use the criteria API or this partnership's tables: 403. */
class CriteriaForbiddenException extends RuntimeException {

  CriteriaForbiddenException(String message) {
    super(message);
  }
}
