package vn.doanthanhnien.admission.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts what the application sends to the database: every execute call is one statement (one round trip), an
 * executeBatch one statement however many rows it carries, and the rows added to batches are counted apart. A JDK
 * proxy around the pool's DataSource, its connections and their statements; nothing else changes.
 */
final class CountingDataSource {

  static final LongAdder STATEMENTS = new LongAdder();
  static final LongAdder BATCHED_ROWS = new LongAdder();
  /** With {@code -Dbenchmark.sqlProfile=true}: executions and batched rows by SQL text, for finding what to tune. */
  static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
  private static final boolean PROFILE = Boolean.getBoolean("benchmark.sqlProfile");

  private CountingDataSource() {
  }

  record Counts(long statements, long batchedRows) {
    Counts minus(Counts earlier) {
      return new Counts(statements - earlier.statements, batchedRows - earlier.batchedRows);
    }
  }

  static Counts now() {
    return new Counts(STATEMENTS.sum(), BATCHED_ROWS.sum());
  }

  static DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, null, (method, args, result) -> method.getName().equals("getConnection")
        ? proxy(Connection.class, result, null, CountingDataSource::statementOf) : result);
  }

  /** The statements a connection makes, with the SQL they were prepared with. */
  private static Object statementOf(Method method, Object[] args, Object result) {
    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
    if (result instanceof CallableStatement statement) {
      return proxy(CallableStatement.class, statement, sql, (m, a, r) -> r);
    }
    if (result instanceof PreparedStatement statement) {
      return proxy(PreparedStatement.class, statement, sql, (m, a, r) -> r);
    }
    if (result instanceof Statement statement) {
      return proxy(Statement.class, statement, sql, (m, a, r) -> r);
    }
    return result;
  }

  private interface AfterCall {
    Object apply(Method method, Object[] args, Object result);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, String sql, AfterCall after) {
    InvocationHandler handler = (self, method, args) -> {
      String name = method.getName();
      if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
        return target;
      }
      if (name.startsWith("execute")) {
        STATEMENTS.increment();
        if (PROFILE) {
          profile(name.equals("executeBatch") ? "batch " : "", sql, args);
        }
      } else if (name.equals("addBatch")) {
        BATCHED_ROWS.increment();
        if (PROFILE) {
          profile("row ", sql, args);
        }
      }
      try {
        return after.apply(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static void profile(String prefix, String sql, Object[] args) {
    String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
    text = text.replaceAll("\\s+", " ").trim();
    BY_SQL.computeIfAbsent(prefix + (text.length() > 160 ? text.substring(0, 160) : text), k -> new LongAdder())
        .increment();
  }
}
