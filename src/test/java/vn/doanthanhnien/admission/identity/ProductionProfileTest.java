package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.PartyAdmissionApplication;
import vn.doanthanhnien.admission.support.EngineStatics;
import vn.doanthanhnien.admission.unit.OrgUnitRepository;

/**
 * The prod profile as an operator starts it, on a real PostgreSQL (embedded, one for the class): the migrations and
 * Hibernate's schema validation pass there, the configured administrator is the only user, no demo data exist, both
 * APIs ask for credentials and the webapps insist on HTTPS. Started by hand rather than with {@code @SpringBootTest}.
 */
class ProductionProfileTest {

  private static final String ADMIN = "operator";
  /** Meets Camunda's default password policy, which the prod profile turns on. */
  private static final String ADMIN_PASSWORD = "Kn7#vq2!Tzw";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext app;
  private static String baseUrl;
  /** Camunda's static engine registry and webapp delegates, which starting and closing our app changes. */
  private static EngineStatics shared;

  @BeforeAll
  static void startPostgresAndTheApplication() throws IOException {
    shared = EngineStatics.capture();
    postgres = EmbeddedPostgres.start();
    app = prod("--ADMISSION_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--ADMISSION_DB_USER=postgres",
        "--ADMISSION_DB_PASSWORD=postgres",
        "--ADMISSION_ADMIN_USER=" + ADMIN,
        "--ADMISSION_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
    baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stopTheApplicationAndPostgres() throws IOException {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    shared.restore();
  }

  @Test
  void camundaAndTheDomainTablesAreOnPostgresql() throws SQLException {
    try (Connection connection = app.getBean(DataSource.class).getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    assertThat(jdbc.queryForObject("select count(*) from act_id_user", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
        .isZero();
    // Hibernate's validation accepts a plain timestamp for an Instant; V4 gives those columns their time zone.
    assertThat(jdbc.queryForList("select column_name from information_schema.columns"
        + " where table_name in ('candidacy', 'candidacy_event') and data_type = 'timestamp without time zone'",
        String.class)).isEmpty();
  }

  @Test
  void everyConnectionPlansItsStatementsOnceForAnyValues() {
    // docs/performance.md, change 9: plans made for the first values given made Tasklist's counts take seconds.
    assertThat(new JdbcTemplate(app.getBean(DataSource.class)).queryForObject("show plan_cache_mode", String.class))
        .isEqualTo("force_generic_plan");
  }

  @Test
  void theIndexesTheEngineLacksAreOnItsTablesAndChange14sIndexIsReplaced() {
    // docs/performance.md, changes 14 and 16: the candidate links by group with their task, the tasks by id with
    // assignee and suspension state. A database of change 14 has the tasks' index without the suspension state.
    // Change 19: the subtasks the engine looks for at each completion, by parent, holding only tasks with one.
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    jdbc.execute("create index ADM_IDX_TASK_ASSIGNEE_BY_ID on ACT_RU_TASK (ID_) include (ASSIGNEE_)");
    app.getBean(EngineIndexes.class).postProcessEngineBuild(app.getBean(ProcessEngine.class));

    String definitions = String.join("\n", jdbc.queryForList("select indexdef from pg_indexes where indexname in"
        + " ('adm_idx_ident_lnk_candidate', 'adm_idx_task_assignee_by_id', 'adm_idx_task_unassigned_by_id',"
        + " 'adm_idx_task_parent') order by indexname", String.class));

    assertThat(definitions).isEqualToIgnoringCase(
        "CREATE INDEX adm_idx_ident_lnk_candidate ON public.act_ru_identitylink USING btree (group_id_, type_, task_id_)"
            + "\nCREATE INDEX adm_idx_task_parent ON public.act_ru_task USING btree (parent_task_id_) WHERE"
            + " (parent_task_id_ IS NOT NULL)"
            + "\nCREATE INDEX adm_idx_task_unassigned_by_id ON public.act_ru_task USING btree (id_) INCLUDE (assignee_,"
            + " suspension_state_)");
  }

  @Test
  void theEngineFindsATasksSubtasksThroughTheIndexAtAnyValue() {
    // The statement of the engine's selectTasksByParentTaskId, planned once for any value as every connection here
    // plans (plan_cache_mode = force_generic_plan): the partial index serves it, since "= ?" implies "is not null".
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));

    String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
      try (var statement = connection.createStatement()) {
        statement.execute("set enable_seqscan = off");
        statement.execute("prepare subtasks(varchar) as select * from ACT_RU_TASK where PARENT_TASK_ID_ = $1");
        StringBuilder lines = new StringBuilder();
        try (var rows = statement.executeQuery("explain execute subtasks('some-task')")) {
          while (rows.next()) {
            lines.append(rows.getString(1)).append('\n');
          }
        } finally {
          statement.execute("deallocate subtasks");
          statement.execute("reset enable_seqscan");
        }
        return lines.toString();
      }
    });

    assertThat(plan).contains("adm_idx_task_parent");
  }

  @Test
  void theConfiguredAdministratorIsTheOnlyUserAndNoDemoDataExist() throws Exception {
    IdentityService identity = app.getBean(IdentityService.class);

    assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(ADMIN);
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId(ADMIN).count()).isOne();
    assertThat(app.getBean(OrgUnitRepository.class).count()).isZero();
    HttpResponse<String> units = get("/api/units", ADMIN, ADMIN_PASSWORD);
    assertThat(units.statusCode()).isEqualTo(200);
    assertThat(units.body()).isEqualTo("[]");
  }

  @Test
  void theAdministratorReachesBothApisWithHttpBasic() throws Exception {
    // Paged: the engine refuses an unbounded list to a signed-in user (queryMaxResultsLimit).
    HttpResponse<String> users = get("/engine-rest/user?maxResults=100", ADMIN, ADMIN_PASSWORD);

    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body()).contains("\"id\":\"" + ADMIN + "\"");
    assertThat(get("/api/units", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void requestsWithoutValidCredentialsAreRejected() throws Exception {
    assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/units", null, null).statusCode()).isEqualTo(401);
    // An unknown user, so that no failure is counted against the administrator from this address.
    assertThat(get("/engine-rest/task", "nobody", ADMIN_PASSWORD).statusCode()).isEqualTo(401);
    assertThat(get("/api/units", "nobody", ADMIN_PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void thePasswordPolicyAndTheStatementTimeoutAreOnAndTheBaseGenericPropertiesStillApply() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) app
        .getBean(ProcessEngine.class).getProcessEngineConfiguration();

    assertThat(configuration.isEnablePasswordPolicy()).isTrue();
    assertThat(configuration.getJdbcStatementTimeout()).isEqualTo(60);
    // generic-properties is one map: the profile's entries are added to the base file's, not put in their place.
    // The base application.yml's pattern: letters, digits, '.', '_', '-', and the administrators' group id.
    assertThat(configuration.getGeneralResourceWhitelistPattern()).isEqualTo("[a-zA-Z0-9._-]+|camunda-admin");
  }

  @Test
  void anEngineStatementRunningLongerThanTheTimeoutIsCancelledAndFailsItsCall() {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    Configuration statements = ((ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
    assertThat(statements.getDefaultStatementTimeout()).isEqualTo(60);
    // MyBatis reads the timeout as it prepares each statement: one second here, so that a statement of two is cut.
    statements.setDefaultStatementTimeout(1);
    try {
      assertThatThrownBy(() -> engine.getTaskService().createNativeTaskQuery()
          .sql("select * from ACT_RU_TASK where (select count(*) from pg_sleep(2)) > 0").list())
          .isInstanceOf(ProcessEngineException.class)
          .hasStackTraceContaining("canceling statement");
    } finally {
      statements.setDefaultStatementTimeout(60);
    }
  }

  @Test
  void theWebappsAskForHttpsAndHandOutOnlySecureSessionCookies() throws Exception {
    HttpResponse<String> welcome = get("/camunda/app/welcome/default/", null, null);

    assertThat(welcome.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
        hsts -> assertThat(hsts).startsWith("max-age="));
    assertThat(welcome.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
  }

  @Test
  void theProdProfileWithoutItsSettingsDoesNotStartAndNamesWhatIsMissing() {
    // Blank on the command line, so that ADMISSION_* variables of the machine running the test cannot fill them.
    assertThatThrownBy(() -> prod("--ADMISSION_DB_URL=", "--ADMISSION_DB_USER=", "--ADMISSION_DB_PASSWORD=",
        "--ADMISSION_ADMIN_USER=", "--ADMISSION_ADMIN_PASSWORD="))
        .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("The prod profile needs these environment variables:")
            .hasMessageContainingAll("ADMISSION_DB_URL", "ADMISSION_DB_USER", "ADMISSION_DB_PASSWORD",
                "ADMISSION_ADMIN_USER", "ADMISSION_ADMIN_PASSWORD"));
  }

  @Test
  void aWeakAdministratorPasswordIsRefusedAndTheApplicationDoesNotStart() throws SQLException {
    // A database of its own: the class's one has its administrator already, and Camunda creates one only once.
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("create database weak_password");
    }
    EngineStatics running = EngineStatics.capture();
    try {
      // Ten characters, lower case and digits only: no upper case letter and no special character.
      assertThatThrownBy(() -> prod("--ADMISSION_DB_URL=" + postgres.getJdbcUrl("postgres", "weak_password"),
          "--ADMISSION_DB_USER=postgres", "--ADMISSION_DB_PASSWORD=postgres", "--ADMISSION_ADMIN_USER=quantri",
          "--ADMISSION_ADMIN_PASSWORD=matkhau123"))
          .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
              .hasMessage("Password does not match policy"));
    } finally {
      running.restore();
    }
    JdbcTemplate weak = new JdbcTemplate(postgres.getDatabase("postgres", "weak_password"));
    assertThat(weak.queryForObject("select count(*) from act_id_user", Integer.class)).as("nobody created").isZero();
  }

  private static ConfigurableApplicationContext prod(String... settings) {
    String[] args = new String[settings.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--camunda.bpm.job-execution.enabled=false";
    System.arraycopy(settings, 0, args, 2, settings.length);
    return new SpringApplicationBuilder(PartyAdmissionApplication.class).profiles("prod").run(args);
  }

  private static HttpResponse<String> get(String path, String user, String password)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/json");
    if (user != null) {
      String credentials = user + ":" + password;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }
}
