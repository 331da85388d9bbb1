package vn.doanthanhnien.admission.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Stops the {@code prod} profile at start-up, before any bean exists, when its database or first administrator is
 * not configured: application-prod.yml has no defaults, and an empty URL or admin id would otherwise fail later with
 * a message that does not name the variable to set. Runs after the config data are loaded, so profiles are known.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

  static final String PROFILE = "prod";
  static final String ADMIN_PASSWORD = "ADMISSION_ADMIN_PASSWORD";

  private record Setting(String name, String purpose) {
  }

  /** The required settings, in the order the message lists them. */
  private static final List<Setting> REQUIRED = List.of(
      new Setting("ADMISSION_DB_URL", "JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/admission"),
      new Setting("ADMISSION_DB_USER", "database user"),
      new Setting("ADMISSION_DB_PASSWORD", "database password"),
      new Setting("ADMISSION_ADMIN_USER", "user id of the first administrator, created on the first start"),
      new Setting(ADMIN_PASSWORD, "password of the first administrator"));

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.matchesProfiles(PROFILE)) {
      check(environment);
    }
  }

  /** Throws when a required setting is missing or blank, or the administrator's password is the demo one. */
  private static void check(Environment environment) {
    List<String> problems = new ArrayList<>();
    List<String> missing = REQUIRED.stream()
        .filter(setting -> isBlank(environment.getProperty(setting.name())))
        .map(setting -> setting.name() + " (" + setting.purpose() + ")")
        .toList();
    if (!missing.isEmpty()) {
      problems.add("The prod profile needs these environment variables: " + String.join(", ", missing) + ".");
    }
    if ("demo".equals(environment.getProperty(ADMIN_PASSWORD))) {
      problems.add(ADMIN_PASSWORD + " must not be the demo password 'demo'.");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join(" ", problems) + " See README, 'Production'.");
    }
  }

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
