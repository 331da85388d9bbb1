package vn.doanthanhnien.admission.common;

import java.sql.SQLException;

/**
 * Whether a failure is a unique-key violation: the row was inserted by a concurrent request between this one's check
 * and its insert (a member's code, a candidacy's open member, a quota, an engine authorization). Recognised by the SQL
 * standard's state 23505, which H2 and PostgreSQL both report, wherever JPA, Spring or the engine wrapped it.
 */
public final class UniqueViolations {

  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolations() {
  }

  public static boolean causedBy(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // A JDBC batch reports the failing statement's exception as the next one rather than as the cause.
      for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
        if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }
}
