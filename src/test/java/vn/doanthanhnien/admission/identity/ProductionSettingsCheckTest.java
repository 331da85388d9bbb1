package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile's start-up check, without Spring: which settings it requires and what it tells the operator. */
class ProductionSettingsCheckTest {

  private final ProductionSettingsCheck check = new ProductionSettingsCheck();

  @Test
  void theProdProfileWithoutSettingsIsRefusedListingEveryMissingVariableAndItsPurpose() {
    MockEnvironment environment = prod();

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The prod profile needs these environment variables: ADMISSION_DB_URL (JDBC URL")
        .hasMessageContaining("ADMISSION_DB_USER (database user)")
        .hasMessageContaining("ADMISSION_DB_PASSWORD (database password)")
        .hasMessageContaining("ADMISSION_ADMIN_USER (user id of the first administrator")
        .hasMessageContaining("ADMISSION_ADMIN_PASSWORD (password of the first administrator)")
        .hasMessageEndingWith("See README, 'Production'.");
  }

  @Test
  void blankValuesCountAsMissingAndOnlyTheMissingOnesAreNamed() {
    MockEnvironment environment = complete(prod()).withProperty("ADMISSION_DB_PASSWORD", " ")
        .withProperty("ADMISSION_ADMIN_USER", "");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("ADMISSION_DB_PASSWORD").hasMessageContaining("ADMISSION_ADMIN_USER")
        .hasMessageNotContaining("ADMISSION_DB_URL").hasMessageNotContaining("ADMISSION_DB_USER (")
        .hasMessageNotContaining("ADMISSION_ADMIN_PASSWORD");
  }

  @Test
  void theDemoPasswordIsRefusedForTheAdministrator() {
    MockEnvironment environment = complete(prod()).withProperty("ADMISSION_ADMIN_PASSWORD", "demo");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessage("ADMISSION_ADMIN_PASSWORD must not be the demo password 'demo'. See README, 'Production'.");
  }

  @Test
  void theProdProfileWithEverySettingStarts() {
    MockEnvironment environment = complete(prod());

    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void otherProfilesNeedNoSettings() {
    MockEnvironment environment = new MockEnvironment();

    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  private static MockEnvironment prod() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(ProductionSettingsCheck.PROFILE);
    return environment;
  }

  private static MockEnvironment complete(MockEnvironment environment) {
    return environment.withProperty("ADMISSION_DB_URL", "jdbc:postgresql://db:5432/admission")
        .withProperty("ADMISSION_DB_USER", "admission")
        .withProperty("ADMISSION_DB_PASSWORD", "secret")
        .withProperty("ADMISSION_ADMIN_USER", "operator")
        .withProperty("ADMISSION_ADMIN_PASSWORD", "Str0ng!Passphrase");
  }
}
