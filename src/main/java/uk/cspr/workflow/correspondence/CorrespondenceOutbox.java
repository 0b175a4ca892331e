package uk.cspr.workflow.correspondence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.config.Partnerships.Partnership;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;
import uk.cspr.workflow.documents.CaseDocuments;

/**
 * Records a message in the outbox and schedules its delivery (SPEC §5: recorded before it is
 * sent). Runs in the caller's transaction – the engine's, when called from a process step – so
 * the outbox row, its letters and the delivery process instance commit or roll back together
 * with that step. Everything that fixes the content is done here (addressees, subject, body, each
 * letter's XHTML, a copy of each document of the steps named, issue 18.2), so a template error
 * fails the step and the outbox keeps what was sent; turning letters into PDF and delivery happen
 * later, in the delivery process's asynchronous job ({@link OutboxLetters}).
 */
@Service
class CorrespondenceOutbox {

  private final AddresseeResolver addressees;
  private final CorrespondenceTemplates templates;
  private final LetterPdfRenderer pdfRenderer;
  private final OutboxRepository repository;
  private final RuntimeService runtimeService;
  private final Partnerships partnerships;
  private final CorrespondenceProperties properties;
  private final CaseDocuments documents;

  CorrespondenceOutbox(
      AddresseeResolver addressees,
      CorrespondenceTemplates templates,
      LetterPdfRenderer pdfRenderer,
      OutboxRepository repository,
      RuntimeService runtimeService,
      Partnerships partnerships,
      CorrespondenceProperties properties,
      CaseDocuments documents) {
    this.addressees = addressees;
    this.templates = templates;
    this.pdfRenderer = pdfRenderer;
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.partnerships = partnerships;
    this.properties = properties;
    this.documents = documents;
  }

  /** Writes one outbox message with its letters and starts its delivery; returns the outbox id. */
  String queue(CorrespondenceRequest request) {
    Partnership partnership = partnerships.get(request.partnership());
    List<String> to = addressees.resolve(request.to(), request.partnership(), request.variables());
    if (to.isEmpty()) {
      throw new IllegalArgumentException("Correspondence '" + request.template() + "' has no addressee");
    }
    List<String> cc = addressees.resolve(request.cc(), request.partnership(), request.variables());
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    Map<String, Object> model =
        TemplateModel.of(request.variables(), request.caseReference(), partnership, ClockUtil.getCurrentTime());

    String body = templates.email(request.template(), model);
    List<Attachment> letters = new ArrayList<>();
    for (String letter : request.letters()) {
      String xhtml = templates.letter(letter, model);
      pdfRenderer.checkWellFormed(xhtml);
      letters.add(Attachment.letter(fileName(request.caseReference(), letter), xhtml));
    }
    for (CaseDocuments.Content document : documents.ofSteps(request.caseReference(), request.documentSteps())) {
      letters.add(new Attachment(uniqueName(document.document().fileName(), letters), document.document().type().contentType(),
          document.bytes(), null));
    }

    String id = UUID.randomUUID().toString();
    OutboxMessage message =
        new OutboxMessage(
            id,
            "<" + UUID.randomUUID() + "@cspr.workflow>",
            request.caseReference(),
            request.partnership(),
            request.processInstanceId(),
            request.activityId(),
            request.template(),
            properties.from(),
            partnership.businessUnitMailbox(),
            to,
            cc.stream().filter(address -> !to.contains(address)).toList(),
            subject(request.subject(), request.caseReference()),
            body,
            OutboxStatus.QUEUED,
            now,
            null,
            0,
            null,
            null,
            letters.stream().map(Attachment::fileName).toList());
    repository.insert(message, letters);

    Map<String, Object> variables = new HashMap<>();
    variables.put(Correspondence.OUTBOX_MESSAGE_ID, id);
    variables.put(CaseVariables.PARTNERSHIP, request.partnership());
    variables.put(CaseVariables.CASE_REFERENCE, request.caseReference());
    runtimeService.startProcessInstanceByKey(Correspondence.DELIVERY_PROCESS_KEY, request.caseReference(), variables);
    return id;
  }

  /** SPEC §5: the case reference, never the child's name, identifies the case in a subject. */
  static String subject(String subject, String caseReference) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("Correspondence needs a subject");
    }
    String oneLine = subject.replaceAll("[\\r\\n]+", " ").trim();
    return oneLine.contains(caseReference) ? oneLine : caseReference + ": " + oneLine;
  }

  /** A document's name, numbered when an attachment before it has the same name ("report (2).pdf"). */
  static String uniqueName(String fileName, List<Attachment> before) {
    int dot = fileName.lastIndexOf('.');
    String name = fileName;
    for (int n = 2; contains(before, name); n++) {
      name = fileName.substring(0, dot) + " (" + n + ")" + fileName.substring(dot);
    }
    return name;
  }

  private static boolean contains(List<Attachment> attachments, String fileName) {
    return attachments.stream().anyMatch(attachment -> attachment.fileName().equals(fileName));
  }

  static String fileName(String caseReference, String letter) {
    return (caseReference + "-" + letter).replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }
}
