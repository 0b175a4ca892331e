package uk.cspr.workflow.documents;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.cspr.workflow.cases.CallerScope;
import uk.cspr.workflow.cases.CaseAccess;
import uk.cspr.workflow.cases.CaseFile;
import uk.cspr.workflow.cases.CaseReferences;
import uk.cspr.workflow.cases.UserNames;
import uk.cspr.workflow.config.InvalidParameterException;
import uk.cspr.workflow.security.CsprGroups;

/**
 * Documents attached to a case (issue 18.2). Added by a person doing a step of the case (its
 * assignee or a candidate, user or group, of the open task given) or by the partnership's business
 * unit; read by everyone who may read the case ({@link CaseAccess}) in the document's partnership.
 * The type is told by the content ({@link DocumentType}); the size is limited by {@code
 * cspr.documents.max-size}. One insert stores a document: nothing is half-stored.
 */
@Service
public class CaseDocuments {

  private static final int MAX_NAME = 120;

  /** A document with its content, e.g. to attach to an e-mail. */
  public record Content(CaseDocument document, byte[] bytes) {}

  /** Where a document is added: the case, its partnership and the step (null: the case itself). */
  private record Target(String caseReference, String tenantId, String processKey, String taskKey, String stepName) {

    CaseDocument build(String id, String addedBy, Instant addedAt, String fileName, DocumentType type, long size) {
      return new CaseDocument(id, caseReference, tenantId, processKey, taskKey, stepName, addedBy, addedAt, fileName, type, size);
    }
  }

  private final DocumentRepository repository;
  private final CaseAccess access;
  private final CallerScope callerScope;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final DocumentProperties properties;
  private final UserNames userNames;

  CaseDocuments(DocumentRepository repository, CaseAccess access, CallerScope callerScope, TaskService taskService,
      HistoryService historyService, RepositoryService repositoryService, DocumentProperties properties, UserNames userNames) {
    this.repository = repository;
    this.access = access;
    this.callerScope = callerScope;
    this.taskService = taskService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.userNames = userNames;
  }

  /**
   * Adds a document to the case as the current user, to the open step {@code taskId} (blank: to
   * the case itself, for the business unit); refuses with a {@link DocumentRefusal} or an {@link
   * InvalidParameterException} naming the field.
   */
  @Transactional
  public CaseDocument add(String caseReference, String taskId, String fileName, byte[] content) {
    Authentication caller = access.currentUser().orElseThrow(() -> DocumentRefusal.noCase(caseReference));
    if (!access.canSeeCase(caseReference)) {
      throw DocumentRefusal.noCase(caseReference);
    }
    Target target = taskId == null || taskId.isBlank()
        ? toTheCase(caller, caseReference)
        : toTheStep(caller, caseReference, taskId.strip());
    DocumentType type = check(content);
    CaseDocument document = target.build(UUID.randomUUID().toString(), caller.getUserId(), ClockUtil.getCurrentTime().toInstant(),
        fileName(fileName, type), type, content.length);
    repository.insert(document, content);
    return document;
  }

  /**
   * The case's documents as its file lists them, those of the partnerships the current user is in
   * (whether they may read the case is checked by the caller), oldest first.
   */
  public List<CaseFile.Document> listed(String caseReference) {
    List<CaseDocument> visible = repository.ofCase(caseReference).stream()
        .filter(document -> access.canSeeTenant(document.tenantId())).toList();
    Map<String, String> names = userNames.of(visible.stream().map(CaseDocument::addedBy).toList());
    return visible.stream().map(document -> listed(document, names.get(document.addedBy()))).toList();
  }

  /** A document as the case file lists it, who added it by name. */
  public CaseFile.Document listed(CaseDocument document) {
    return listed(document, userNames.of(List.of(document.addedBy())).get(document.addedBy()));
  }

  /** A document as the case file lists it, with where to download it (beside the letters' links: a path). */
  private static CaseFile.Document listed(CaseDocument document, String addedByName) {
    String contextPath = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getContextPath() : "";
    String url = UriComponentsBuilder.fromPath(contextPath)
        .pathSegment("api", "cases", document.caseReference(), "documents", document.id()).encode().toUriString();
    return new CaseFile.Document(document.id(), document.fileName(), document.type().name(), document.size(),
        document.stepName(), document.addedBy(), addedByName, document.addedAt(), url);
  }

  /** One document with its content, when the current user may read the case. */
  public Optional<Content> download(String caseReference, String id) {
    if (caseReference == null || !CaseReferences.WELL_FORMED.matcher(caseReference).matches() || id == null) {
      return Optional.empty();
    }
    return repository.find(caseReference, id)
        .filter(document -> access.canSeeTenant(document.tenantId()) && access.canSeeCase(caseReference))
        .map(document -> new Content(document, repository.content(document.id())));
  }

  /** The documents added to the steps, oldest first, with their content (for the e-mail that sends them). */
  public List<Content> ofSteps(String caseReference, Collection<String> taskKeys) {
    return repository.ofSteps(caseReference, taskKeys).stream()
        .map(document -> new Content(document, repository.content(document.id()))).toList();
  }

  private Target toTheStep(Authentication caller, String caseReference, String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).processInstanceBusinessKey(caseReference).singleResult();
    if (task == null) {
      throw new DocumentRefusal(HttpStatus.NOT_FOUND, "That step is not an open step of case " + caseReference + " that you may see");
    }
    boolean doingIt = caller.getUserId().equals(task.getAssignee()) || callerScope.asSystem(
        () -> taskService.getIdentityLinksForTask(task.getId()).stream().anyMatch(link -> isCandidate(link, caller)));
    if (!doingIt && !isBusinessUnit(caller, task.getTenantId())) {
      throw new DocumentRefusal(HttpStatus.FORBIDDEN,
          "Only the people doing this step, or the partnership's business unit, may add documents to it");
    }
    String processKey = callerScope.asSystem(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    return new Target(caseReference, task.getTenantId(), processKey, task.getTaskDefinitionKey(), stepName(task));
  }

  /** The step's name in its model: Tasklist's task name carries "— due …" (tasks.TaskLabels). */
  private String stepName(Task task) {
    FlowElement step = callerScope.asSystem(() -> repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
        .<FlowElement>getModelElementById(task.getTaskDefinitionKey()));
    return step != null && step.getName() != null ? step.getName() : task.getName();
  }

  private Target toTheCase(Authentication caller, String caseReference) {
    String tenant = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).list().stream()
        .map(instance -> instance.getTenantId()).filter(id -> isBusinessUnit(caller, id)).findFirst()
        .orElseThrow(() -> new DocumentRefusal(HttpStatus.FORBIDDEN,
            "Choose the step you are adding the document to: only the partnership's business unit may add documents "
                + "to the case without a step"));
    return new Target(caseReference, tenant, null, null, null);
  }

  private static boolean isCandidate(IdentityLink link, Authentication caller) {
    return IdentityLinkType.CANDIDATE.equals(link.getType())
        && (caller.getUserId().equals(link.getUserId())
            || (link.getGroupId() != null && caller.getGroupIds() != null && caller.getGroupIds().contains(link.getGroupId())));
  }

  private static boolean isBusinessUnit(Authentication caller, String tenantId) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(CsprGroups.BUSINESS_UNIT)
        && caller.getTenantIds() != null && caller.getTenantIds().contains(tenantId);
  }

  /** The type found in the content, within the size limit; refused in plain English otherwise. */
  private DocumentType check(byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidParameterException("file", "Choose a file to add: the file sent was empty");
    }
    long max = properties.maxSize().toBytes();
    if (content.length > max) {
      throw tooLarge();
    }
    return DocumentType.of(content).orElseThrow(() -> new InvalidParameterException("file",
        "Only PDF, Word (.docx) and OpenDocument text (.odt) files can be added, and this file's content is none of "
            + "them (its content is checked, not its name)"));
  }

  /** The refusal of a file over {@code cspr.documents.max-size}. */
  DocumentRefusal tooLarge() {
    return new DocumentRefusal(HttpStatus.PAYLOAD_TOO_LARGE,
        "This file is larger than " + properties.maxSize().toMegabytes() + " MB, the largest a document can be");
  }

  /**
   * A file name safe to store, show and send: the last part of what the browser sent, letters,
   * digits, spaces and {@code . _ ( ) -} only, at most {@value #MAX_NAME} characters, ending in the
   * extension of the type found.
   */
  static String fileName(String sent, DocumentType type) {
    String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[^A-Za-z0-9 ._()-]", "_").replaceAll("\\s+", " ").replaceAll("^[ .]+", "").strip();
    String base = name.toLowerCase(Locale.ROOT).endsWith(type.extension())
        ? name.substring(0, name.length() - type.extension().length()) : name;
    base = base.strip();
    if (base.isEmpty()) {
      base = "document";
    }
    if (base.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME).strip();
    }
    return base + type.extension();
  }
}
