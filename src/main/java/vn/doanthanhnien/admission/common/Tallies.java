package vn.doanthanhnien.admission.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters kept in tables, moved in the caller's transaction, so that a count changes exactly when what it counts is
 * committed. The same on H2 and PostgreSQL, and safe when two transactions move the same counter at once.
 *
 * <p>The deltas a transaction adds are gathered and written just before it commits, in one JDBC batch per table of
 * single-row {@code update … set n = n + ? where <its key>}, in one order of the tables and keys: a counter row is
 * locked only for the commit rather than for the rest of the transaction (a branch's counters are shared by every
 * officer of the branch), and two transactions lock the rows they share in the same order, so never wait for each
 * other in a circle. The second of two waits for the first's row lock and adds to its result. Before any row is
 * locked, a counter not known on this node to exist is looked up, and one not there yet (its first count) is inserted
 * at 0 in a transaction of its own, where a unique violation only means that a concurrent transaction inserted it
 * first (a failed insert would abort the caller's transaction on PostgreSQL). A row left at 0 by a transaction that
 * rolled back counts nothing.
 */
@Component
public class Tallies {

  /**
   * A table of counters: its name, the column of the count and the columns of the key. One of the key columns may
   * take several values in one call ({@link #add}), the others one each.
   */
  public record Table(String name, String count, List<String> key) {
  }

  /** One counter: its table and the values of its key, in the table's order of the key columns. */
  private record Counter(Table table, List<Object> key) {

    String sortKey() {
      return table.name() + "|" + key.stream().map(String::valueOf).collect(Collectors.joining("|"));
    }
  }

  /** Above this many, the keys known to exist are forgotten and looked up again as they come. */
  private static final int MAX_KNOWN = 200_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  /** Counters known to exist (rows are only deleted to be rebuilt, see {@link #forget}): no look-up before theirs. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

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
   * instance −1 to the stage a candidacy leaves and +1 to the one it enters). Written when the caller's transaction
   * commits; at once without one.
   */
  public void add(Table table, String varying, Map<?, Long> deltas, Map<String, Object> fixed) {
    checkKey(table, varying, fixed);
    Map<Counter, Long> moves = new LinkedHashMap<>();
    deltas.forEach((value, delta) -> {
      List<Object> key = table.key().stream().map(column -> column.equals(varying) ? value : fixed.get(column)).toList();
      moves.merge(new Counter(table, key), delta, Long::sum);
    });
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      pending().putAll(merged(pending(), moves));
    } else {
      write(moves);
    }
  }

  private static Map<Counter, Long> merged(Map<Counter, Long> pending, Map<Counter, Long> moves) {
    Map<Counter, Long> merged = new LinkedHashMap<>();
    moves.forEach((counter, delta) -> merged.put(counter, pending.getOrDefault(counter, 0L) + delta));
    return merged;
  }

  /**
   * The deltas gathered in the current transaction, written by its {@code beforeCommit}. Kept with the transaction's
   * synchronizations, which Spring sets aside with the transaction when an inner one ({@code REQUIRES_NEW}) runs.
   */
  private Map<Counter, Long> pending() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Pending pending && pending.of() == this) {
        return pending.deltas;
      }
    }
    Pending pending = new Pending();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending.deltas;
  }

  private final class Pending implements TransactionSynchronization {

    final Map<Counter, Long> deltas = new LinkedHashMap<>();

    Tallies of() {
      return Tallies.this;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write(deltas);
    }
  }

  private void write(Map<Counter, Long> deltas) {
    Map<String, Map.Entry<Counter, Long>> sorted = new TreeMap<>();
    deltas.forEach((counter, delta) -> {
      if (delta != 0) {
        sorted.put(counter.sortKey(), Map.entry(counter, delta));
      }
    });
    // Every row first exists, before any is locked: a row inserted and updated after the others would be locked out of
    // the one order (and two transactions could then wait for each other).
    List<Counter> unknown = sorted.values().stream().map(Map.Entry::getKey)
        .filter(counter -> !known.contains(counter.sortKey())).toList();
    if (!unknown.isEmpty()) {
      unknown.stream().filter(counter -> !exists(counter)).forEach(this::insertAtZero);
      if (known.size() > MAX_KNOWN) {
        known.clear();
      }
      unknown.forEach(counter -> known.add(counter.sortKey()));
    }
    // One batch per table, the tables and each table's keys in one order for every transaction.
    Map<Table, List<Map.Entry<Counter, Long>>> byTable = new LinkedHashMap<>();
    sorted.values().forEach(e -> byTable.computeIfAbsent(e.getKey().table(), t -> new ArrayList<>()).add(e));
    byTable.forEach((table, moves) -> {
      String update = "update " + table.name() + " set " + table.count() + " = " + table.count() + " + ? where "
          + where(table);
      List<Object[]> rows = moves.stream().map(move -> {
        List<Object> args = new ArrayList<>();
        args.add(move.getValue());
        args.addAll(move.getKey().key());
        return args.toArray();
      }).toList();
      int[] updated = jdbc.batchUpdate(update, rows);
      for (int i = 0; i < updated.length; i++) {
        Counter counter = moves.get(i).getKey();
        if (updated[i] == 0) {
          // Known to exist here but gone (a table emptied by hand or on another node's rebuild): made again.
          known.remove(counter.sortKey());
          insertAtZero(counter);
          if (jdbc.update(update, rows.get(i)) != 1) {
            throw new IllegalStateException("Counter " + counter + " not found after its insert");
          }
        } else if (updated[i] != 1) {
          throw new IllegalStateException("Counter " + counter + ": " + updated[i] + " rows updated");
        }
      }
    });
  }

  /** The counters of a table are deleted (to be rebuilt): none is known to exist any more. */
  public void forget(Table table) {
    known.removeIf(key -> key.startsWith(table.name() + "|"));
  }

  private boolean exists(Counter counter) {
    return !jdbc.queryForList("select 1 from " + counter.table().name() + " where " + where(counter.table()),
        counter.key().toArray()).isEmpty();
  }

  private static String where(Table table) {
    return table.key().stream().map(column -> column + " = ?").collect(Collectors.joining(" and "));
  }

  private void insertAtZero(Counter counter) {
    Table table = counter.table();
    List<Object> values = new ArrayList<>(counter.key());
    values.add(0L);
    String columns = String.join(", ", table.key()) + ", " + table.count();
    String marks = values.stream().map(v -> "?").collect(Collectors.joining(", "));
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into " + table.name() + " (" + columns + ") values (" + marks + ")", values.toArray()));
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
