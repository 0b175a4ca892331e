package uk.cspr.workflow.criteria;

/** An unknown decision key, or a case with no decision history the caller may see: 404. */
class NotFoundException extends RuntimeException {

  NotFoundException(String message) {
    super(message);
  }
}
