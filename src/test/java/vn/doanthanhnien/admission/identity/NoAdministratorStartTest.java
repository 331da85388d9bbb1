package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import vn.doanthanhnien.admission.PartyAdmissionApplication;
import vn.doanthanhnien.admission.support.EngineStatics;

/**
 * A profile of the operator's own ({@code staging}: neither {@code prod} with its settings check nor the default one
 * with its demo administrator) on an empty database, with no {@code camunda.bpm.admin-user}: the application does
 * not start, rather than wait for the first visitor to make themselves administrator. One start on in-memory H2.
 */
class NoAdministratorStartTest {

  @Test
  void anyProfileWithoutAnAdministratorRefusesToStartAndSaysWhatToSet() {
    EngineStatics shared = EngineStatics.capture();
    try {
      assertThatThrownBy(() -> new SpringApplicationBuilder(PartyAdmissionApplication.class).profiles("staging")
          .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
              "--spring.datasource.url=jdbc:h2:mem:no-administrator;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"))
          .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
              .isInstanceOf(IllegalStateException.class)
              .hasMessage(AdministratorCheck.NO_ADMINISTRATOR));
    } finally {
      shared.restore();
    }
  }
}
