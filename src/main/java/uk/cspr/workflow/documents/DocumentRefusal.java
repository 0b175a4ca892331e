package uk.cspr.workflow.documents;

import org.springframework.http.HttpStatus;

/** A document request refused, with the status and the sentence the caller reads. */
class DocumentRefusal extends RuntimeException {

  private final HttpStatus status;

  DocumentRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }

  static DocumentRefusal noCase(String caseReference) {
    return new DocumentRefusal(HttpStatus.NOT_FOUND, "No case " + caseReference + " that you may see");
  }
}
