package uk.cspr.workflow.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The theme list is configuration, checked at start-up (issue 19.1). */
class ThemeTypologyTest {

  private static ThemeTypology.Theme theme(String code, String label, String group) {
    return new ThemeTypology.Theme(code, label, group);
  }

  @Test
  void theShippedListHasTheFourGroupsAndTheWorkingTogetherCategoriesOfAbuse() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    ThemeTypology typology = new Binder(ConfigurationPropertySources.get(environment)).bind("cspr.learning", ThemeTypology.class).get();

    assertThat(typology.recurrenceYears()).isEqualTo(3);
    assertThat(typology.themes().stream().map(ThemeTypology.Theme::group).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("abuse-type", "vulnerability", "age-band", "practice-theme");
    assertThat(typology.labels()).containsEntry("neglect", "Neglect").containsEntry("physical-abuse", "Physical abuse")
        .containsEntry("emotional-abuse", "Emotional abuse").containsKeys("sexual-abuse", "under-1", "age-15-to-17",
            "information-sharing", "professional-curiosity", "voice-of-the-child", "safe-sleep", "educated-otherwise");
    assertThat(typology.options().get(0)).containsEntry("label", "Abuse type: Physical abuse").containsEntry("value", "physical-abuse");
  }

  @Test
  void withoutRecurrenceYearsTheWindowIsThreeYears() {
    assertThat(new ThemeTypology(List.of(theme("neglect", "Neglect", "abuse-type")), null).recurrenceYears()).isEqualTo(3);
  }

  @Test
  void aThemeSinceRemovedFromTheListStillReadsAsWords() {
    ThemeTypology typology = new ThemeTypology(List.of(theme("neglect", "Neglect", "abuse-type")), 3);
    assertThat(typology.label("neglect")).isEqualTo("Neglect");
    assertThat(typology.label("county-lines")).isEqualTo("County lines (no longer on the list)");
  }

  @Test
  void aCodeUsedTwiceIsRefused() {
    assertThatThrownBy(() -> new ThemeTypology(List.of(theme("neglect", "Neglect", "abuse-type"),
        theme("neglect", "Neglect of health", "practice-theme")), 3))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("neglect").hasMessageContaining("used twice");
  }

  @Test
  void anUnknownGroupIsRefused() {
    assertThatThrownBy(() -> new ThemeTypology(List.of(theme("neglect", "Neglect", "abuse")), 3))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("group 'abuse' is not one of");
  }

  @Test
  void aCodeIsLowerCaseWordsJoinedByHyphens() {
    for (String code : new String[] {"Neglect", "safe_sleep", "safe sleep", "-neglect", ""}) {
      assertThatThrownBy(() -> new ThemeTypology(List.of(theme(code, "Neglect", "abuse-type")), 3))
          .as(code).isInstanceOf(IllegalStateException.class).hasMessageContaining("lower case words joined by hyphens");
    }
  }

  @Test
  void aThemeNeedsALabelAndTheListAThemeAndTheWindowASensibleLength() {
    assertThatThrownBy(() -> new ThemeTypology(List.of(theme("neglect", " ", "abuse-type")), 3)).hasMessageContaining("no label");
    assertThatThrownBy(() -> new ThemeTypology(List.of(), 3)).hasMessageContaining("empty");
    assertThatThrownBy(() -> new ThemeTypology(List.of(theme("neglect", "Neglect", "abuse-type")), 0))
        .hasMessageContaining("recurrence-years");
  }
}
