package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** The national group of the yearly figures (issue 19.5): Cockpit only, and never one of the groups of SPEC §1. */
class NationalGroupTest {

  @Test
  void theNationalGroupGetsCockpitAndNothingElse() {
    assertThat(AccessPolicy.nationalGroupGrants("national-reviews")).singleElement().satisfies(grant -> {
      assertThat(grant.resource()).isEqualTo(Resources.APPLICATION);
      assertThat(grant.resourceId()).isEqualTo("cockpit");
      assertThat(grant.permissions()).containsExactly(Permissions.ACCESS);
    });
  }

  @Test
  void aGroupOfTheApplicationCannotBeTheNationalGroup() {
    for (String group : new String[] {CsprGroups.MANAGERS, CsprGroups.BUSINESS_UNIT, CsprGroups.ADMIN}) {
      assertThatThrownBy(() -> new AccessSetup(null, null, null, null, " " + group + " "))
          .hasMessage("cspr.reports.national-group must be a group of its own, not '" + group
              + "': its members read every partnership's yearly figures");
    }
  }
}
