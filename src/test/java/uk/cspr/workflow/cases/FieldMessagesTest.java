package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 14.5: a refusal reads as one sentence naming the field by its form label, never by its key. */
class FieldMessagesTest {

  @Test
  void aDateAndTimeInTheFutureSaysWhatToEnter() {
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("awareOfIncidentAt", "cannot be in the future"), "referral"))
        .isEqualTo("When the local authority became aware cannot be in the future: enter the date and time it happened.");
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("incidentDate", "cannot be in the future"), "referral"))
        .isEqualTo("Date of the incident cannot be in the future: enter the date it happened.");
  }

  @Test
  void eachFormNamesTheFieldInItsOwnWords() {
    InvalidCaseDataException refusal = new InvalidCaseDataException("awareOfIncidentAt", "cannot be in the future");
    assertThat(FieldMessages.sentence(refusal, "recordParallelReviewFacts"))
        .startsWith("When the partnership became aware of the incident cannot be in the future");
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("referringAgency", "is required"), "nonSeriousRequest"))
        .isEqualTo("Your agency is required: fill it in.");
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("referringAgency", "is required"), "referral"))
        .isEqualTo("Referring agency is required: fill it in.");
    assertThat(refusal.form()).as("outside the engine no form is known").isNull();
    assertThat(FieldMessages.sentence(refusal)).as("then the most specific label of all forms")
        .startsWith("When the partnership became aware of the incident cannot be in the future");
  }

  @Test
  void aListEntryIsNamedByItsPlaceInTheList() {
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("children[2].ethnicity", "is required"), "referral"))
        .isEqualTo("Ethnicity (entry 2 of Children involved) is required: fill it in.");
  }

  @Test
  void aProblemThatDoesNotReadOnFromTheLabelFollowsAColon() {
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("agreedOutcome", "mediation must record the agreed outcome")))
        .matches("[A-Z][^:]*: mediation must record the agreed outcome\\.")
        .doesNotContain("agreedOutcome");
  }

  @Test
  void aKeyNoFormShowsIsSpelledOutInWords() {
    assertThat(FieldMessages.sentence(new InvalidCaseDataException("someUnlistedValue", "is required")))
        .isEqualTo("Some unlisted value is required: fill it in.");
  }

  @Test
  void noSentenceNamesAFieldByItsKey() throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        collectKeys(new ObjectMapper().readTree(form.toFile()).path("components"), keys);
      }
    }
    assertThat(keys).hasSizeGreaterThan(100);
    for (String key : keys) {
      String sentence = FieldMessages.sentence(new InvalidCaseDataException(key, "is required"));
      assertThat(sentence).as(key).doesNotContain(key).matches("[A-Z].*\\.").doesNotContain("\n");
    }
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (key.matches(".*[a-z][A-Z].*")) { // camelCase: a key a person must never read
        keys.add(key);
      }
      collectKeys(component.path("components"), keys);
    }
  }
}
