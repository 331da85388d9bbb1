package vn.doanthanhnien.admission.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters kept in tables, moved in the caller's transaction, so that a count changes exactly when what it counts is
 * committed. The same on H2 and PostgreSQL, and safe when two transactions move the same counter at once: each
 * counter is one {@code update … set n = n + ? where <its key>}, all of a call sent in one JDBC batch in the order of
 * their keys (so that two transactions lock shared rows in the same order), and the second transaction waits for the
 * first's row lock and adds to its result. A counter whose update found no row (its first count) is inserted at 0 in
 * a transaction of its own, where a unique violation only means that a concurrent transaction inserted it first (a
 * failed insert would abort the caller's transaction on PostgreSQL), and then updated again. A row left at 0 by a
 * transaction that rolled back counts nothing.
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
   * {@code varying} (for instance the counters of every unit above a branch).
   *
   * @param fixed the other key columns' values, in any order
   */
  public void add(Table table, String varying, Collection<?> values, Map<String, Object> fixed, long delta) {
    Map<Object, Long> deltas = new LinkedHashMap<>();
    values.forEach(value -> deltas.put(value, delta));
    add(table, varying, deltas, fixed);
  }

  /**
   * Adds to the counter of each key made of {@code fixed} and a value of the column {@code varying} its own delta (for
   * instance −1 to the stage a candidacy leaves and +1 to the one it enters).
   */
  public void add(Table table, String varying, Map<?, Long> deltas, Map<String, Object> fixed) {
    checkKey(table, varying, fixed);
    List<Map.Entry<?, Long>> moves = deltas.entrySet().stream().filter(e -> e.getValue() != 0)
        .sorted(Comparator.comparing(e -> String.valueOf(e.getKey()))).collect(Collectors.toList());
    if (moves.isEmpty()) {
      return;
    }
    String update = "update " + table.name() + " set " + table.count() + " = " + table.count() + " + ? where "
        + fixed.keySet().stream().map(c -> c + " = ? and ").collect(Collectors.joining()) + varying + " = ?";
    List<Object[]> rows = moves.stream().map(move -> updateArgs(move.getValue(), fixed, move.getKey())).toList();
    int[] updated = jdbc.batchUpdate(update, rows);
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        // The counter's first count: the row exists from now on (rows are never deleted), then counts like the rest.
        insertAtZero(table, varying, moves.get(i).getKey(), fixed);
        if (jdbc.update(update, rows.get(i)) != 1) {
          throw new IllegalStateException("Counter of " + table.name() + " " + fixed + " " + varying + " = "
              + moves.get(i).getKey() + " not found after its insert");
        }
      } else if (updated[i] != 1) {
        throw new IllegalStateException("Counter of " + table.name() + " " + fixed + " " + varying + " = "
            + moves.get(i).getKey() + ": " + updated[i] + " rows updated");
      }
    }
  }

  private static Object[] updateArgs(long delta, Map<String, Object> fixed, Object value) {
    List<Object> args = new ArrayList<>();
    args.add(delta);
    args.addAll(fixed.values());
    args.add(value);
    return args.toArray();
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

  private static void checkKey(Table table, String varying, Map<String, Object> fixed) {
    if (!table.key().contains(varying) || !table.key().containsAll(fixed.keySet())
        || fixed.size() + 1 != table.key().size()) {
      throw new IllegalArgumentException("Not the key of " + table + ": " + varying + " and " + fixed.keySet());
    }
  }
}
