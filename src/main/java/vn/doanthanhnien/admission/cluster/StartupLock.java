package vn.doanthanhnien.admission.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Nodes that start together on one PostgreSQL database start one after the other. Every start does its set-up by
 * "create it if it is absent": Camunda's schema update, the first administrator, the deployments, Flyway, the unit
 * groups and their grants, the Tasklist filters, the demo data. Two nodes doing that at the same moment both find
 * a thing absent and both create it: Camunda's schema creation then fails on one node, a grant fails on its unique
 * key, and the Tasklist filters, which have none, are created twice (after which no node starts again, since it
 * expects one filter of each name).
 *
 * <p>So a node takes a PostgreSQL advisory lock before its first bean is created and gives it back once its start-up
 * listeners (the {@code ApplicationReadyEvent} ones) have run; a node that dies while starting gives it back with its
 * connection. Registered in {@code META-INF/spring.factories}. Other databases (H2) are not shared between processes,
 * so there is nothing to lock.
 */
public class StartupLock implements SpringApplicationRunListener, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** Any constant that no other application on the same database uses for an advisory lock. */
  static final long LOCK_KEY = 0x70617274795f6164L;

  private Connection connection;
  private long startedAt;

  public StartupLock(SpringApplication application, String[] args) {
  }

  @Override
  public void contextPrepared(ConfigurableApplicationContext context) {
    Environment environment = context.getEnvironment();
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return;
    }
    startedAt = System.nanoTime();
    try {
      connection = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
          environment.getProperty("spring.datasource.password"));
      try (Statement statement = connection.createStatement()) {
        var tried = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")");
        tried.next();
        if (!tried.getBoolean(1)) {
          LOG.info("Another node is starting on this database: waiting until it has finished");
          statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
          LOG.info("Start-up lock taken after {} s", Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
        }
      }
    } catch (SQLException e) {
      release();
      throw new IllegalStateException("Cannot take the start-up lock on " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
    release();
    LOG.info("Ready: start-up tasks done in {} s", timeTaken.toSeconds());
  }

  @Override
  public void failed(ConfigurableApplicationContext context, Throwable exception) {
    release();
  }

  /** Closing the connection ends the session, and with it the session's advisory lock. */
  private void release() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Start-up lock: closing its connection failed: {}", e.getMessage());
      }
      connection = null;
    }
  }

  /** After Spring Boot's own listener, which publishes the ready event that the start-up tasks listen to. */
  @Override
  public int getOrder() {
    return 1;
  }
}
