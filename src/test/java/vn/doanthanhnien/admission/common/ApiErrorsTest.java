package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.common.ApiErrors.ErrorBody;

/**
 * A request of /api that lost a race on a candidacy's version (JPA's @Version); the races on the engine's rows are in
 * api.ConcurrentOfficersTest.
 */
class ApiErrorsTest {

  private final ApiErrors errors = new ApiErrors();

  @Test
  void aStaleCandidacyVersionIs409WithAVietnameseMessage() {
    ResponseEntity<ErrorBody> answer = errors.concurrentChange(
        new ObjectOptimisticLockingFailureException(Candidacy.class, 7L));

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getBody().message()).isEqualTo("Dữ liệu vừa được người khác thay đổi cùng lúc nên thao tác "
        + "của bạn chưa được ghi nhận. Vui lòng tải lại rồi thử lại.");
    assertThat(answer.getBody().errors()).isEmpty();
  }
}
