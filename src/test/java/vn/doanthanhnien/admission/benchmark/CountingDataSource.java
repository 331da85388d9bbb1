package vn.doanthanhnien.admission.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Counts what the application sends to the database: every execute call is one statement (one round trip), an
 * executeBatch one statement however many rows it carries, and the rows added to batches are counted apart. A JDK
 * proxy around the pool's DataSource, its connections and their statements; nothing else changes.
 */
final class CountingDataSource {

  static final LongAdder STATEMENTS = new LongAdder();
  static final LongAdder BATCHED_ROWS = new LongAdder();
  /** Transactions committed on a connection (each one a WAL flush on PostgreSQL with synchronous commits). */
  static final LongAdder COMMITS = new LongAdder();
  /** With {@code -Dbenchmark.sqlProfile=true}: executions and batched rows by SQL text, for finding what to tune. */
  static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
  private static final boolean PROFILE = Boolean.getBoolean("benchmark.sqlProfile");
  /**
   * With {@code -Dbenchmark.sqlTrace=org_unit,ACT_RE_CAMFORMDEF}: the statements whose SQL contains one of these, by
   * the application's frames that sent them, in {@link #BY_SQL} beside the SQL.
   */
  private static final List<String> TRACED = Arrays.stream(System.getProperty("benchmark.sqlTrace", "").split(","))
      .map(String::trim).filter(t -> !t.isEmpty()).toList();
  /** Statements (a batch once) by what they serve, always counted: see {@link #sourceOf(String)}. */
  static final Map<String, LongAdder> BY_SOURCE = new ConcurrentHashMap<>();
  private static final Map<String, String> SOURCE_OF_SQL = new ConcurrentHashMap<>();
  private static final Pattern MAIN_TABLE =
      Pattern.compile("^\\s*(?:insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([a-z_0-9.]+)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private CountingDataSource() {
  }

  record Counts(long statements, long batchedRows, long commits) {
    Counts minus(Counts earlier) {
      return new Counts(statements - earlier.statements, batchedRows - earlier.batchedRows,
          commits - earlier.commits);
    }
  }

  static Counts now() {
    return new Counts(STATEMENTS.sum(), BATCHED_ROWS.sum(), COMMITS.sum());
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
        String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "";
        BY_SOURCE.computeIfAbsent(SOURCE_OF_SQL.computeIfAbsent(text, CountingDataSource::sourceOf),
            k -> new LongAdder()).increment();
        if (PROFILE) {
          profile(name.equals("executeBatch") ? "batch " : "", sql, args);
        }
        if (!TRACED.isEmpty()) {
          String normalized = text.replaceAll("\\s+", " ").trim();
          if (TRACED.stream().anyMatch(normalized::contains)) {
            trace(normalized);
          }
        }
      } else if (name.equals("commit") && target instanceof Connection) {
        COMMITS.increment();
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

  /**
   * What a statement serves, by the table it writes or first reads: the engine's grants and their checks (access
   * control), its group and user look-ups (identity), variables and their history, the user operation log, the
   * application's candidacy and timeline tables, the application's other tables, and the rest of the engine. A task
   * query that joins the grants counts as the engine's.
   */
  static String sourceOf(String sql) {
    Matcher main = MAIN_TABLE.matcher(sql);
    String table = main.find() ? main.group(1).toLowerCase(Locale.ROOT) : "";
    table = table.substring(table.lastIndexOf('.') + 1);
    return switch (table) {
      case "act_ru_authorization" -> "access control";
      case "act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_ge_bytearray" -> "variables";
      case "act_hi_op_log" -> "operation log";
      case "candidacy", "candidacy_event" -> "timeline";
      default -> table.startsWith("act_id_") ? "identity"
          : table.startsWith("act_") ? "engine" : table.isEmpty() ? "other" : "application (other tables)";
    };
  }

  private static void trace(String sql) {
    String frames = StackWalker.getInstance().walk(stack -> stack
        .filter(f -> f.getClassName().startsWith("vn.doanthanhnien.admission.")
            && !f.getClassName().startsWith("vn.doanthanhnien.admission.benchmark."))
        .limit(4).map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
            + ":" + f.getLineNumber()).collect(Collectors.joining(" < ")));
    BY_SQL.computeIfAbsent("trace " + sql.substring(0, Math.min(60, sql.length())) + " FROM " + frames,
        k -> new LongAdder()).increment();
  }

  private static void profile(String prefix, String sql, Object[] args) {
    String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
    text = text.replaceAll("\\s+", " ").trim();
    BY_SQL.computeIfAbsent(prefix + (text.length() > 160 ? text.substring(0, 160) : text), k -> new LongAdder())
        .increment();
  }
}
