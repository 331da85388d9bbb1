package vn.doanthanhnien.admission.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters kept in tables, moved in the caller's transaction, so that a count changes exactly when what it counts is
 * committed. The same on H2 and PostgreSQL, and safe when two transactions move the same counter at once: an
 * {@code update … set n = n + ?} (the second waits for the first's row lock and adds to its result); a counter row
 * that does not exist yet (looked up first) is inserted at 0 in a transaction of its own, where a unique violation only means
 * that a concurrent transaction inserted it first (a failed insert would abort the caller's transaction on
 * PostgreSQL), and then updated like the others. A row left at 0 by a transaction that rolled back counts nothing.
 */
@Component
public class Tallies {

  /**
   * A table of counters: its name, the column of the count and the columns of the key. One of the key columns may
   * take several values in one call ({@link #add}), the others one each.
   */
  public record Table(String name, String count, List<String> key) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public Tallies(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Adds {@code delta} to the counter of each key made of {@code fixed} and one of {@code values} of the column
   * {@code varying} (for instance the counters of every unit above a branch): a look-up and one update when they all
   * exist.
   *
   * @param fixed the other key columns' values, in any order
   */
  public void add(Table table, String varying, Collection<?> values, Map<String, Object> fixed, long delta) {
    if (values.isEmpty() || delta == 0) {
      return;
    }
    // Every counter row first exists (rows are never deleted), so that the one update below adds to each: an update
    // run before a concurrent transaction committed a new row would not see that row, and the delta would be lost.
    Set<Object> missing = new HashSet<>(values);
    missing.removeAll(existing(table, varying, values, fixed));
    missing.forEach(value -> insertAtZero(table, varying, value, fixed));
    List<Object> args = new ArrayList<>();
    args.add(delta);
    int updated = jdbc.update("update " + table.name() + " set " + table.count() + " = " + table.count() + " + ? where "
        + where(table, varying, values, fixed, args), args.toArray());
    if (updated != new HashSet<>(values).size()) {
      throw new IllegalStateException("Counters of " + table.name() + " " + fixed + " for " + values + ": " + updated
          + " rows updated");
    }
  }

  private List<Object> existing(Table table, String varying, Collection<?> values, Map<String, Object> fixed) {
    List<Object> args = new ArrayList<>();
    String where = where(table, varying, values, fixed, args);
    return jdbc.queryForList("select " + varying + " from " + table.name() + " where " + where, Object.class,
        args.toArray());
  }

  private void insertAtZero(Table table, String varying, Object value, Map<String, Object> fixed) {
    Map<String, Object> row = new LinkedHashMap<>(fixed);
    row.put(varying, value);
    row.put(table.count(), 0L);
    String columns = String.join(", ", row.keySet());
    String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into " + table.name() + " (" + columns + ") values (" + marks + ")", row.values().toArray()));
    } catch (DuplicateKeyException insertedByAnother) {
      // The row is there, which is all this step is for.
    }
  }

  private static String where(Table table, String varying, Collection<?> values, Map<String, Object> fixed,
      List<Object> args) {
    if (!table.key().contains(varying) || !table.key().containsAll(fixed.keySet())
        || fixed.size() + 1 != table.key().size()) {
      throw new IllegalArgumentException("Not the key of " + table + ": " + varying + " and " + fixed.keySet());
    }
    List<String> terms = new ArrayList<>();
    fixed.forEach((column, value) -> {
      terms.add(column + " = ?");
      args.add(value);
    });
    terms.add(varying + " in (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
    args.addAll(values);
    return String.join(" and ", terms);
  }
}
