package vn.doanthanhnien.admission.common;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Whether a failure means that a request lost a race with a concurrent one, wherever it was wrapped: a version clash
 * (the engine's {@link OptimisticLockingException}, JPA's {@code @Version}), a row lock the database gave up waiting
 * for, a deadlock it broke, a serialization failure, or a key a concurrent insert took ({@link UniqueViolations}).
 * Spring translates the application's own SQL errors, but the engine's arrive as its generic
 * {@code ProcessEngineException} around MyBatis's around the driver's: the driver's error is classified here with
 * Spring's translator for the database in use (its {@code sql-error-codes.xml}: H2's lock timeout 50200 and deadlock
 * 40001, PostgreSQL's 55P03, 40P01 and 40001).
 */
@Component
public class LostRaces {

  private final SQLExceptionTranslator translator;

  @Autowired
  public LostRaces(DataSource dataSource) {
    this(new SQLErrorCodeSQLExceptionTranslator(dataSource));
  }

  LostRaces(SQLExceptionTranslator translator) {
    this.translator = translator;
  }

  public boolean causedBy(Throwable error) {
    if (UniqueViolations.causedBy(error)) {
      return true;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
        return true;
      }
      // A JDBC batch reports the failing statement's exception as the next one rather than as the cause.
      for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
        if (translator.translate("", null, sql) instanceof ConcurrencyFailureException) {
          return true;
        }
      }
    }
    return false;
  }
}
