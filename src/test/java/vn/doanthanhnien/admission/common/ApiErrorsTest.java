package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.common.ApiErrors.ErrorBody;

/**
 * A request of /api that lost a race: on a candidacy's version (JPA's @Version), or on a row of the engine's that the
 * database gave up waiting for, as the engine wraps it. The races themselves, over HTTP, are in
 * api.ConcurrentOfficersTest and meeting.MeetingsTest.
 */
class ApiErrorsTest {

  private static final String CONCURRENT_CHANGE = "Dữ liệu vừa được người khác thay đổi cùng lúc nên thao tác của "
      + "bạn chưa được ghi nhận. Vui lòng tải lại rồi thử lại.";

  private final ApiErrors h2 = new ApiErrors(new LostRaces(new SQLErrorCodeSQLExceptionTranslator("H2")));
  private final ApiErrors postgres = new ApiErrors(new LostRaces(new SQLErrorCodeSQLExceptionTranslator("PostgreSQL")));

  @Test
  void aStaleCandidacyVersionIs409WithAVietnameseMessage() {
    ResponseEntity<ErrorBody> answer = h2.concurrentChange(
        new ObjectOptimisticLockingFailureException(Candidacy.class, 7L));

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getBody().message()).isEqualTo(CONCURRENT_CHANGE);
    assertThat(answer.getBody().errors()).isEmpty();
  }

  @Test
  void aLockTimeoutOrDeadlockInTheEnginesBatchIs409OnEitherDatabase() {
    assertThat(h2.concurrentChange(engineBatchFailure(new SQLException("Timeout trying to lock table ACT_RU_TASK",
        "HYT00", 50200))).getStatusCode().value()).isEqualTo(409);
    assertThat(h2.concurrentChange(engineBatchFailure(new SQLException("Deadlock detected", "40001", 40001)))
        .getBody().message()).isEqualTo(CONCURRENT_CHANGE);
    assertThat(postgres.concurrentChange(engineBatchFailure(new SQLException(
        "canceling statement due to lock timeout", "55P03"))).getStatusCode().value()).isEqualTo(409);
    assertThat(postgres.concurrentChange(engineBatchFailure(new SQLException("deadlock detected", "40P01")))
        .getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void anyOtherFailureOfTheEngineIsLeftToBeA500() {
    ProcessEngineException notARace = engineBatchFailure(new SQLException("Value too long for column", "22001", 22001));

    assertThatThrownBy(() -> h2.concurrentChange(notARace)).isSameAs(notARace);
    assertThatThrownBy(() -> postgres.concurrentChange(notARace)).isSameAs(notARace);
  }

  /** As the engine reports a failed statement of its flush: its exception around MyBatis's around the driver's. */
  private static ProcessEngineException engineBatchFailure(SQLException statement) {
    BatchUpdateException batch = new BatchUpdateException(statement.getMessage(), statement.getSQLState(),
        statement.getErrorCode(), new int[0]);
    batch.setNextException(statement);
    return new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
        new PersistenceException("Error flushing statements.", batch));
  }
}
