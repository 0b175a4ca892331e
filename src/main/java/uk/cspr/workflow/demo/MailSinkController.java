package uk.cspr.workflow.demo;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import uk.cspr.workflow.cases.CaseAccess;
import uk.cspr.workflow.correspondence.CorrespondenceLog;
import uk.cspr.workflow.security.CsprGroups;

/**
 * Demo profile: what the embedded mail sink received, as a page ({@code /mail-sink}: each e-mail's
 * body as text and links that open its letters as PDF, issue 14.7) and as JSON ({@code
 * /api/mail-sink/messages}). Authenticated like {@code /api/*}; only administrators and the
 * business unit may look, because messages concern children, and the business unit sees only its
 * partnerships' messages (administrators also see mail that did not come from a case). A letter
 * link is the case's correspondence link, which checks again that the caller may see the case.
 */
@Controller
@ConditionalOnProperty(name = "cspr.demo.mail-sink.enabled", havingValue = "true")
class MailSinkController {

  private final DemoMailSink mailSink;
  private final CaseAccess caseAccess;
  private final CorrespondenceLog correspondence;

  MailSinkController(DemoMailSink mailSink, CaseAccess caseAccess, CorrespondenceLog correspondence) {
    this.mailSink = mailSink;
    this.caseAccess = caseAccess;
    this.correspondence = correspondence;
  }

  /** A message as the page shows it, with its letters. */
  record Shown(DemoMailSink.ReceivedMessage message, List<Letter> letters) {}

  /** A letter of a message: its file name and where it opens (null: the mail did not come from the outbox). */
  record Letter(String name, String url) {}

  @GetMapping("/mail-sink")
  String page(Model model, HttpServletRequest request) {
    checkAllowed();
    Map<String, CorrespondenceLog.Sent> recorded = correspondence.byMessageId();
    model.addAttribute("messages", visible(recorded).stream()
        .map(message -> shown(message, recorded.get(message.messageId()), request.getContextPath())).toList());
    model.addAttribute("receiving", mailSink.isReceiving());
    return "demo/mail-sink";
  }

  @GetMapping("/api/mail-sink/messages")
  @ResponseBody
  ResponseEntity<List<DemoMailSink.ReceivedMessage>> messages() {
    checkAllowed();
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(visible(correspondence.byMessageId()));
  }

  private List<DemoMailSink.ReceivedMessage> visible(Map<String, CorrespondenceLog.Sent> recorded) {
    return mailSink.messages().stream().filter(message -> {
      CorrespondenceLog.Sent record = recorded.get(message.messageId());
      return record == null ? caseAccess.currentUser().map(CaseAccess::isAdmin).orElse(false)
          : caseAccess.canSeeTenant(record.tenantId());
    }).toList();
  }

  private static Shown shown(DemoMailSink.ReceivedMessage message, CorrespondenceLog.Sent record, String contextPath) {
    return new Shown(message, message.attachments().stream()
        .map(name -> new Letter(name, record == null || name == null ? null
            : CorrespondenceLog.letterUrl(contextPath, record.caseReference(), record.outboxId(), name)))
        .toList());
  }

  private void checkAllowed() {
    Authentication user =
        caseAccess.currentUser().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(CsprGroups.ADMIN) && !groups.contains(CsprGroups.BUSINESS_UNIT)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators and the business unit may see the mail sink");
    }
  }

  @ExceptionHandler(ResponseStatusException.class)
  @ResponseBody
  ResponseEntity<Map<String, String>> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).body(Map.of("error", String.valueOf(e.getReason())));
  }
}
