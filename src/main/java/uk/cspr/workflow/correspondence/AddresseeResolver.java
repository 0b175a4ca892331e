package uk.cspr.workflow.correspondence;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.config.Partnerships.Partnership;

/**
 * Turns addressee codes into e-mail addresses (SPEC §5 table): national mailboxes from {@code
 * cspr.correspondence.mailboxes}, the partnership's own mailboxes from {@code cspr.partnerships},
 * and the referrer from the case. An unknown code or a missing address is an error, never a
 * silently shorter distribution list.
 */
@Component
class AddresseeResolver {

  static final String BUSINESS_UNIT = "BUSINESS_UNIT";
  static final String DELEGATED_PARTNERS = "DELEGATED_PARTNERS";
  static final String SENIOR_LEADS = "SENIOR_LEADS";
  static final String REFERRER = "REFERRER";

  private final CorrespondenceProperties properties;
  private final Partnerships partnerships;

  AddresseeResolver(CorrespondenceProperties properties, Partnerships partnerships) {
    this.properties = properties;
    this.partnerships = partnerships;
  }

  /**
   * Splits a comma-separated list of addressee codes, or literal addresses (kept as written), into a
   * list (blank or null gives an empty list).
   */
  static List<String> codes(String commaSeparated) {
    List<String> codes = new ArrayList<>();
    if (commaSeparated != null) {
      for (String code : commaSeparated.split(",")) {
        if (!code.isBlank()) {
          String trimmed = code.trim();
          codes.add(trimmed.contains("@") ? trimmed : trimmed.toUpperCase(Locale.ROOT));
        }
      }
    }
    return codes;
  }

  /** The addresses of the codes, in order, without duplicates. */
  List<String> resolve(List<String> codes, String partnershipId, Map<String, Object> variables) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String code : codes) {
      addresses.add(validated(code, resolve(code, partnershipId, variables)));
    }
    return List.copyOf(addresses);
  }

  private String resolve(String code, String partnershipId, Map<String, Object> variables) {
    if (code.contains("@")) {
      return code; // a configured address given literally (e.g. a parallel review's lead)
    }
    String national = properties.mailboxes().get(propertyKey(code));
    if (national != null) {
      return national;
    }
    return switch (code) {
      case BUSINESS_UNIT -> partnership(partnershipId).businessUnitMailbox();
      case DELEGATED_PARTNERS -> partnership(partnershipId).delegatedPartnersMailbox();
      case SENIOR_LEADS -> partnership(partnershipId).seniorLeadsMailbox();
      case REFERRER -> {
        Object email = variables.get(Correspondence.REFERRER_EMAIL);
        if (email == null || email.toString().isBlank()) {
          throw new IllegalArgumentException(
              "Addressee REFERRER needs the process variable '" + Correspondence.REFERRER_EMAIL + "'");
        }
        yield email.toString().trim();
      }
      default -> throw new IllegalArgumentException(
          "Unknown addressee code '" + code + "'; known codes: " + knownCodes());
    };
  }

  private Partnership partnership(String partnershipId) {
    return partnerships.get(partnershipId);
  }

  private static String validated(String code, String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("No mailbox configured for addressee " + code);
    }
    try {
      InternetAddress parsed = new InternetAddress(address.trim(), true);
      parsed.validate();
      return parsed.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "Mailbox of addressee " + code + " is not a valid address: " + address, e);
    }
  }

  /** PANEL -> panel, SECRETARY_OF_STATE -> secretary-of-state (the configuration key). */
  static String propertyKey(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  Set<String> knownCodes() {
    Set<String> known = new TreeSet<>(List.of(BUSINESS_UNIT, DELEGATED_PARTNERS, SENIOR_LEADS, REFERRER));
    properties.mailboxes().keySet().forEach(key -> known.add(key.toUpperCase(Locale.ROOT).replace('-', '_')));
    return known;
  }
}
