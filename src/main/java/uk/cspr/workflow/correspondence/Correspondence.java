package uk.cspr.workflow.correspondence;

/**
 * Names used by correspondence (SPEC §5): the delivery process, its element ids, the input
 * parameters of {@code ${sendCorrespondence}} and the variables it reads or writes, so that Java
 * code never spells them as raw strings.
 */
public final class Correspondence {

  /** Internal process that delivers one outbox message asynchronously (one instance per message). */
  public static final String DELIVERY_PROCESS_KEY = "correspondenceDelivery";

  /** The asynchronous service task of {@link #DELIVERY_PROCESS_KEY}. */
  public static final String DELIVER_MESSAGE_TASK_ID = "serviceTask_deliverMessage";

  // Input parameters of the service task that uses ${sendCorrespondence}
  public static final String TEMPLATE = "template";
  public static final String TO = "to";
  public static final String CC = "cc";
  public static final String LETTERS = "letters";
  /** The steps (task definition keys) whose documents go with the e-mail, e.g. the reports it sends. */
  public static final String DOCUMENTS = "documents";
  public static final String SUBJECT = "subject";

  /** Variable of the delivery process: the outbox row it delivers. */
  public static final String OUTBOX_MESSAGE_ID = "outboxMessageId";

  /** Process variable holding the referrer's e-mail address (addressee code REFERRER). */
  public static final String REFERRER_EMAIL = "referrerEmail";

  // Case variables (from the notification flow) that templates read in a normalised form
  public static final String CHILDREN = "children";
  public static final String VOTES = "votes";
  public static final String DUTIES = "duties";
  public static final String CHILD_DIED = "childDied";
  public static final String CHILD_SERIOUSLY_HARMED = "childSeriouslyHarmed";

  // Names the template model adds beside the process variables
  public static final String MODEL_PARTNERSHIP_NAME = "partnershipName";
  public static final String MODEL_BUSINESS_UNIT_MAILBOX = "businessUnitMailbox";
  public static final String MODEL_TODAY = "today";
  public static final String MODEL_FORMAT = "fmt";

  private Correspondence() {}
}
