package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/** The start-up check for an administrator, against an identity service that has one or not. */
class AdministratorCheckTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  @Test
  void withoutAnAdministratorTheStartIsRefusedSayingWhatToConfigure() {
    when(identity.createUserQuery().memberOfGroup("camunda-admin").count()).thenReturn(0L);

    assertThatThrownBy(() -> new AdministratorCheck(identity).afterSingletonsInstantiated())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No administrator: no user is in the group camunda-admin and none is configured.")
        .hasMessageContainingAll("camunda.bpm.admin-user.id", "camunda.bpm.admin-user.password",
            "ADMISSION_ADMIN_USER", "README");
  }

  @Test
  void withAnAdministratorTheStartGoesOn() {
    when(identity.createUserQuery().memberOfGroup("camunda-admin").count()).thenReturn(1L);

    assertThatCode(() -> new AdministratorCheck(identity).afterSingletonsInstantiated()).doesNotThrowAnyException();
  }
}
