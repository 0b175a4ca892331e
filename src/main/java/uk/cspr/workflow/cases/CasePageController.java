package uk.cspr.workflow.cases;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page's stable address (issue 18.1): {@code /cases/NL-2026-0001} serves the static page
 * {@code static/case/index.html}, whose script reads {@code /api/cases/{caseReference}} with the
 * webapp login session; the page holds no data of its own, so the API's access rules (404 for a
 * case the user may not see, 401 without a login) are the page's.
 */
@Controller
class CasePageController {

  @GetMapping("/cases/{caseReference}")
  String page(@PathVariable String caseReference) {
    if (!CaseReferences.WELL_FORMED.matcher(caseReference).matches()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case");
    }
    return "forward:/case/index.html";
  }
}
