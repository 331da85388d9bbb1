package vn.doanthanhnien.admission.benchmark;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.PartyAdmissionApplication;
import vn.doanthanhnien.admission.support.Pipeline;

/**
 * The whole application as {@code mvn spring-boot:run} starts it (default profile, demo users and units), on a fresh
 * H2 file database or a fresh embedded PostgreSQL, with the DataSource wrapped by {@link CountingDataSource}. The job
 * executor is off: the benchmark runs each due job itself, right after the task that made it, as the executor would.
 */
final class BenchmarkApp implements AutoCloseable {

  final String database;
  final ConfigurableApplicationContext context;
  final String baseUrl;
  private final EmbeddedPostgres postgres;

  private BenchmarkApp(String database, ConfigurableApplicationContext context, EmbeddedPostgres postgres) {
    this.database = database;
    this.context = context;
    this.postgres = postgres;
    this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** @param database {@code h2} or {@code postgres} */
  static BenchmarkApp start(String database, String... extraSettings) throws IOException {
    EmbeddedPostgres postgres = null;
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN", "--logging.level.vn.doanthanhnien=WARN"));
    switch (database) {
      case "h2" -> {
        Path folder = Path.of("target", "benchmark", "h2");
        deleteRecursively(folder);
        // The application's own URL (its settings after the first ';'), on a fresh file.
        String url = setting("application.yml", "spring.datasource.url");
        args.add("--spring.datasource.url=jdbc:h2:file:" + folder.toAbsolutePath().resolve("party-admission")
            + url.substring(url.indexOf(';')));
      }
      case "postgres" -> {
        // zonky starts PostgreSQL with synchronous_commit=off for tests; -Dbenchmark.synchronousCommit=on waits for the
        // disk at each commit as a production server does.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", System.getProperty("benchmark.synchronousCommit", "off"));
        // -Dbenchmark.explainSlowerThan=500: PostgreSQL's auto_explain writes the plan, with the time and rows of each
        // step, of every statement slower than that many ms to target/benchmark/postgres-log.
        String explain = System.getProperty("benchmark.explainSlowerThan");
        // -Dbenchmark.pgStatements=true: pg_stat_statements, for the database's time by statement (ThroughputBenchmark).
        if (Boolean.getBoolean("benchmark.pgStatements")) {
          builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("pg_stat_statements.track", "all");
        }
        if (explain != null) {
          // PostgreSQL does not create the folder and refuses to start without it.
          Path logs = Files.createDirectories(Path.of("target", "benchmark", "postgres-log").toAbsolutePath());
          builder.setServerConfig("shared_preload_libraries", "auto_explain")
              .setServerConfig("auto_explain.log_min_duration", explain)
              .setServerConfig("auto_explain.log_analyze", "on")
              .setServerConfig("auto_explain.log_buffers", "on")
              .setServerConfig("logging_collector", "on")
              .setServerConfig("log_directory", logs.toString());
        }
        postgres = builder.start();
        args.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        args.add("--spring.datasource.username=postgres");
        args.add("--spring.datasource.password=postgres");
        // The demo data need the default profile; the connection settings are those of the prod profile.
        String rewrite = "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts";
        args.add("--" + rewrite + "=" + setting("application-prod.yml", rewrite));
        String initSql = "spring.datasource.hikari.connection-init-sql";
        args.add("--" + initSql + "=" + setting("application-prod.yml", initSql));
      }
      default -> throw new IllegalArgumentException("benchmark.db must be h2 or postgres, not " + database);
    }
    args.addAll(List.of(extraSettings));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(PartyAdmissionApplication.class)
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource dataSource && name.equals("dataSource")
                ? CountingDataSource.wrap(dataSource) : bean;
          }
        }))
        .run(args.toArray(String[]::new));
    return new BenchmarkApp(database, context, postgres);
  }

  /** The machine's load average over 1, 5 and 15 minutes, printed with every result (the machine is shared). */
  static String loadAverage() {
    try {
      return String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (IOException e) {
      return "?";
    }
  }

  /** CPU time of this JVM so far, in milliseconds. */
  static double jvmCpuMillis() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
  }

  /**
   * CPU time of the JVM's just-in-time compiler threads so far, in milliseconds (part of {@link #jvmCpuMillis}, from
   * /proc like {@link #databaseCpuMillis}; 0 where there is none): a phase measured before the code it runs is compiled
   * pays for the compiling. A compiler thread the JVM has let go since took its time with it.
   */
  static double jitMillis() {
    return cpuMillis(Path.of("/proc/self/task"), name -> name.startsWith("C1 CompilerThre")
        || name.startsWith("C2 CompilerThre"), false);
  }

  /**
   * CPU time of the PostgreSQL processes on this machine so far, in milliseconds, with that of their ended children
   * (user and system time from /proc, 100 ticks a second); 0 where there is no /proc. The embedded database is the only
   * PostgreSQL on the benchmark's machine.
   */
  static double databaseCpuMillis() {
    return cpuMillis(Path.of("/proc"), "postgres"::equals, true);
  }

  /**
   * The user and system time of the processes or threads under {@code directory} whose name matches, with that of
   * their ended children if asked (100 ticks a second).
   */
  private static double cpuMillis(Path directory, Predicate<String> name, boolean withEndedChildren) {
    long ticks = 0;
    try (var entries = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(entry.resolve("stat"));
          int close = stat.lastIndexOf(')');
          if (!name.test(stat.substring(stat.indexOf('(') + 1, close))) {
            continue;
          }
          String[] fields = stat.substring(close + 2).split(" ");
          // after the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
          for (int i = 11; i <= (withEndedChildren ? 14 : 12); i++) {
            ticks += Long.parseLong(fields[i]);
          }
        } catch (IOException | RuntimeException ended) {
          // the process or thread ended while it was read
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks * 10.0;
  }

  private static String setting(String file, String key) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource(file));
    return yaml.getObject().getProperty(key);
  }

  /** The embedded PostgreSQL's JDBC URL, or the H2 file's. */
  String jdbcUrl() {
    return postgres != null ? postgres.getJdbcUrl("postgres", "postgres")
        : context.getEnvironment().getProperty("spring.datasource.url");
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ProcessEngine engine() {
    return bean(ProcessEngine.class);
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(bean(DataSource.class));
  }

  Pipeline pipeline() {
    ProcessEngine engine = engine();
    return new Pipeline(engine.getFormService(), engine.getTaskService(), engine.getIdentityService(),
        engine.getRepositoryService(), engine.getManagementService(),
        bean(vn.doanthanhnien.admission.common.BusinessClock.class));
  }

  /** Registers eligible members of branch {@code branchCode}, without an awareness certificate, in one batch. */
  void registerMembers(List<String> codes, String branchCode) {
    LocalDate today = LocalDate.now();
    LocalDate born = today.minusYears(22);
    jdbc().batchUpdate("insert into member (code, full_name, birth_date, gender, branch_code, youth_union_join_date,"
            + " youth_union_active, education, last_rating, last_rating_year) values (?, ?, ?, 'MALE', ?, ?, true,"
            + " 'UNIVERSITY', 'EXCELLENT', ?)", codes, 1000, (statement, code) -> {
          statement.setString(1, code);
          statement.setString(2, "Nguyễn Văn Thử " + code);
          statement.setObject(3, born);
          statement.setString(4, branchCode);
          statement.setObject(5, born.plusYears(16));
          statement.setInt(6, today.getYear() - 1);
        });
    // The eligibility rules read the rating of the previous year from the history (V21).
    jdbc().batchUpdate("insert into member_rating (member_code, rating_year, rating) values (?, ?, 'EXCELLENT')",
        codes, 1000, (statement, code) -> {
          statement.setString(1, code);
          statement.setInt(2, today.getYear() - 1);
        });
  }

  @Override
  public void close() throws IOException {
    context.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
