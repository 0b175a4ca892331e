package uk.cspr.workflow.learning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.workflow.cases.CaseAccess;

/**
 * {@code GET /api/cases/{caseReference}/earlier-cases} (issue 19.2): for each of the case's themes,
 * how many of the partnership's earlier cases of the recurrence window had it, and the references
 * of those the caller may read — the meeting's form shows counts to all its candidates, and each
 * person sees here, in Tasklist's Case tab, the references their own access allows. 404 for a case
 * the caller may not see, as for an unknown one. Never cached.
 */
@RestController
class EarlierCases {

  /** A theme of the case: its label, how many earlier cases had it, and those the caller may open. */
  record Recurrence(String theme, int earlierCases, List<String> references) {}

  private final CaseAccess access;
  private final CaseThemes caseThemes;
  private final ThemeTypology typology;

  EarlierCases(CaseAccess access, CaseThemes caseThemes, ThemeTypology typology) {
    this.access = access;
    this.caseThemes = caseThemes;
    this.typology = typology;
  }

  @GetMapping("/api/cases/{caseReference}/earlier-cases")
  ResponseEntity<?> earlierCases(@PathVariable String caseReference) {
    return of(caseReference)
        .<ResponseEntity<?>>map(found -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "No case " + caseReference + " that you may see")));
  }

  Optional<List<Recurrence>> of(String caseReference) {
    if (!access.canSeeCase(caseReference)) {
      return Optional.empty();
    }
    Optional<String> partnership = caseThemes.partnershipOf(caseReference).filter(access::canSeeTenant);
    if (partnership.isEmpty()) {
      return Optional.of(List.of()); // no themes recorded yet
    }
    List<String> themes = caseThemes.of(caseReference);
    Map<String, List<String>> earlier = caseThemes.earlierCases(partnership.get(), caseReference, themes, typology.recurrenceSince());
    return Optional.of(themes.stream().map(code -> {
      List<String> cases = earlier.getOrDefault(code, List.of());
      return new Recurrence(typology.label(code), cases.size(), cases.stream().filter(access::canSeeCase).toList());
    }).toList());
  }
}
