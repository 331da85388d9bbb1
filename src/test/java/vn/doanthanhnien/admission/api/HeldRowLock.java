package vn.doanthanhnien.admission.api;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * A row of the test database locked by the test's own transaction ({@code SELECT … FOR UPDATE}) until
 * {@link #release()}, so that requests which change the row wait inside their transactions, having read what they
 * read, until the test lets them go together. H2 lists a waiting session's blocker in
 * {@code INFORMATION_SCHEMA.SESSIONS.BLOCKER_ID}, which tells the test when every request is in.
 *
 * <p>While the lock is held the database's lock timeout is raised from H2's 2 s, so that the first request to wait
 * does not give up before the last one arrives on a loaded machine; the pool's connections are renewed to take it, and
 * again on {@link #close()} to take back H2's 2 s (which {@code ConcurrentOfficersTest}'s timeout test relies on).
 */
final class HeldRowLock implements AutoCloseable {

  private static final int LOCK_TIMEOUT_MILLIS = 120_000;
  /** H2's own default, which the test database's URL leaves as it is (its settings table does not list it). */
  private static final int H2_LOCK_TIMEOUT_MILLIS = 2_000;
  /** How long the requests may take to reach the row; they normally do in well under a second. */
  private static final Duration ARRIVAL = Duration.ofSeconds(90);

  private final DataSource dataSource;
  private final Connection connection;
  private final int sessionId;

  /**
   * @param select a {@code select … for update} of one row with one parameter
   */
  HeldRowLock(DataSource dataSource, String select, Object key) throws SQLException {
    this.dataSource = dataSource;
    setDefaultLockTimeout(LOCK_TIMEOUT_MILLIS);
    connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement();
        ResultSet session = statement.executeQuery("select session_id()")) {
      session.next();
      sessionId = session.getInt(1);
    }
    try (PreparedStatement lock = connection.prepareStatement(select)) {
      lock.setObject(1, key);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("No row to lock: " + select + " with " + key);
        }
      }
    }
  }

  /**
   * Returns once {@code count} other transactions wait for a row lock: for this row, or for a row of a transaction
   * that itself waits for it. Fails when a request ended without waiting (it never reached the row).
   */
  void awaitWaiting(int count, List<? extends Future<?>> requests) throws Exception {
    await(count, requests, "blocker_id is not null");
  }

  /**
   * Returns once {@code count} other transactions have written and are held inside a statement: waiting for a row
   * lock, or for a key another uncommitted transaction inserted (H2 names no blocker then). A request that has
   * written has read what it acts on, and none can have committed while the test holds the row.
   */
  void awaitInside(int count, List<? extends Future<?>> requests) throws Exception {
    await(count, requests, "blocker_id is not null or (contains_uncommitted and executing_statement is not null)");
  }

  private void await(int count, List<? extends Future<?>> requests, String condition) throws Exception {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (sessions(condition) < count) {
      for (Future<?> request : requests) {
        if (request.isDone()) {
          fail("A request ended before it waited for the held row: " + request.get());
        }
      }
      if (System.nanoTime() > deadline) {
        fail("Only " + sessions(condition) + " of " + count + " requests waited for the held row after " + ARRIVAL);
      }
      Thread.sleep(10);
    }
  }

  /** Rolls the test's transaction back: the waiting requests go on, in the order the database wakes them. */
  void release() throws SQLException {
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
      connection.close();
    } finally {
      setDefaultLockTimeout(H2_LOCK_TIMEOUT_MILLIS);
    }
  }

  private int sessions(String condition) throws SQLException {
    try (Connection other = dataSource.getConnection();
        PreparedStatement query = other.prepareStatement(
            "select count(*) from information_schema.sessions where (" + condition + ") and session_id <> ?")) {
      query.setInt(1, sessionId);
      try (ResultSet count = query.executeQuery()) {
        count.next();
        return count.getInt(1);
      }
    }
  }

  /** H2 gives the default to new sessions only: the pool's connections are replaced as they come back. */
  private void setDefaultLockTimeout(int millis) throws SQLException {
    try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
      statement.execute("set default_lock_timeout " + millis);
    }
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
  }
}
