package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's counting on a clock of the test's own: per address and user, growing, capped, forgotten. */
class LoginThrottleTest {

  private static final String HOME = "10.0.0.5";
  private static final String STRANGER = "203.0.113.9";

  private final AtomicLong nanos = new AtomicLong();
  private final LoginThrottle throttle = new LoginThrottle(nanos::get, 1_000);

  @Test
  void aFewFailuresAreFreeThenTheAddressWaitsForThatUserOnly() {
    for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed(STRANGER, "admin", "test");
      assertThat(throttle.refusal(STRANGER, "admin", "test")).as("after %d failures", i).isEmpty();
    }
    throttle.failed(STRANGER, "admin", "test");

    assertThat(throttle.refusal(STRANGER, "admin", "test")).contains(LoginThrottle.FIRST_DELAY);
    assertThat(throttle.refusal(HOME, "admin", "test")).as("the same user from another address").isEmpty();
    assertThat(throttle.refusal(STRANGER, "secretary", "test")).as("another user from that address").isEmpty();
  }

  @Test
  void theDelayDoublesWithEachFurtherFailureUpToTheCapAndThenEnds() {
    failTimes(LoginThrottle.FREE_FAILURES);
    Duration expected = LoginThrottle.FIRST_DELAY;
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.refusal(STRANGER, "admin", "test")).as("after %d more", i).contains(expected);
      advance(expected);
      assertThat(throttle.refusal(STRANGER, "admin", "test")).as("once waited").isEmpty();
      throttle.failed(STRANGER, "admin", "test");
      expected = expected.multipliedBy(2).compareTo(LoginThrottle.MAX_DELAY) > 0 ? LoginThrottle.MAX_DELAY
          : expected.multipliedBy(2);
    }
    assertThat(throttle.refusal(STRANGER, "admin", "test")).contains(LoginThrottle.MAX_DELAY);
    assertThat(LoginThrottle.delayAfter(Integer.MAX_VALUE)).isEqualTo(LoginThrottle.MAX_DELAY);
  }

  @Test
  void aSuccessClearsTheCount() {
    failTimes(LoginThrottle.FREE_FAILURES - 1);
    throttle.succeeded(STRANGER, "admin");
    throttle.failed(STRANGER, "admin", "test");

    assertThat(throttle.refusal(STRANGER, "admin", "test")).isEmpty();
  }

  @Test
  void countsAreForgottenAfterAWhileWithoutFailures() {
    failTimes(LoginThrottle.FREE_FAILURES - 1);
    advance(LoginThrottle.FORGET_AFTER);
    throttle.failed(STRANGER, "admin", "test");

    assertThat(throttle.refusal(STRANGER, "admin", "test")).as("the count started again").isEmpty();
  }

  @Test
  void theNumberOfCountsIsBounded() {
    LoginThrottle small = new LoginThrottle(nanos::get, 3);
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < LoginThrottle.FREE_FAILURES; j++) {
        small.failed(STRANGER, "user-" + i, "test");
      }
    }

    long remembered = java.util.stream.IntStream.range(0, 50)
        .filter(i -> small.refusal(STRANGER, "user-" + i, "test").isPresent()).count();
    assertThat(remembered).isLessThanOrEqualTo(3);
  }

  @Test
  void theMessageIsVietnameseAndTheWaitIsRoundedUp() {
    assertThat(LoginThrottle.message(Duration.ofMillis(4_001)))
        .isEqualTo("Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau 5 giây.");
    assertThat(LoginThrottle.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
  }

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(STRANGER, "admin", "test");
    }
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
