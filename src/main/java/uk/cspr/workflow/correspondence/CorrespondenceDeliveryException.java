package uk.cspr.workflow.correspondence;

/** A delivery attempt failed; the job retries and finally raises an incident (SPEC §5). */
class CorrespondenceDeliveryException extends RuntimeException {

  CorrespondenceDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
