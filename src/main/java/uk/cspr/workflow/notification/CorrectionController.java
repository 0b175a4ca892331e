package uk.cspr.workflow.notification;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{caseReference}/corrections} with {@code fact}, {@code value} and
 * {@code reason}: corrects a recorded fact and recomputes the deadlines that count from it;
 * {@code GET} lists the case's corrections.
 */
@RestController
class CorrectionController {

  private final AwarenessCorrection corrections;

  CorrectionController(AwarenessCorrection corrections) {
    this.corrections = corrections;
  }

  @PostMapping("/api/cases/{caseReference}/corrections")
  Map<String, Object> correct(@PathVariable String caseReference, @RequestBody Map<String, Object> request) {
    return corrections.correct(caseReference, request);
  }

  @GetMapping("/api/cases/{caseReference}/corrections")
  List<Object> corrections(@PathVariable String caseReference) {
    return corrections.of(caseReference);
  }
}
