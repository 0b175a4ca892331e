package uk.cspr.workflow.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * The safeguarding partnerships served by this installation. Each is a Camunda tenant (SPEC §1);
 * a new partnership is added by configuration alone.
 */
@ConfigurationProperties("cspr")
public record Partnerships(Map<String, Partnership> partnerships) {

  /** One partnership: display name, case reference prefix, its mailboxes and local switches. */
  public record Partnership(
      String name,
      String casePrefix,
      String businessUnitMailbox,
      String delegatedPartnersMailbox,
      String seniorLeadsMailbox,
      boolean agencyAuthorisationRequired) {}

  public Partnerships {
    partnerships = partnerships == null ? Map.of() : Map.copyOf(partnerships);
  }

  public Set<String> tenantIds() {
    return partnerships.keySet();
  }

  public Optional<Partnership> find(String tenantId) {
    return Optional.ofNullable(tenantId).map(partnerships::get);
  }

  /** The form's required {@code partnership} field, a configured partnership (else 400 naming the field). */
  public String required(FormValues form) {
    String tenantId = form.text(CaseVariables.PARTNERSHIP, 64, true);
    get(tenantId);
    return tenantId;
  }

  /** The partnership; an unknown one is bad case data naming the field (400). */
  public Partnership get(String tenantId) {
    return find(tenantId)
        .orElseThrow(() -> new InvalidCaseDataException(CaseVariables.PARTNERSHIP, "unknown partnership '" + tenantId + "'"));
  }
}
