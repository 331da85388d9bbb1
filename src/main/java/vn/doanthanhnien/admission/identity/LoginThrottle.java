package vn.doanthanhnien.admission.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins counted per client address and user id, for both ways of signing in (HTTP Basic in {@link SignIn},
 * the webapps' login form in {@link WebappLoginThrottle}). After {@link #FREE_FAILURES} failures from one address for
 * one user, that address is refused for that user for a delay that doubles with every further failure, up to
 * {@link #MAX_DELAY}; a success or {@link #FORGET_AFTER} without a failure clears the count. The same user from
 * another address is not affected, and nobody is ever locked for good: Camunda's own per-user delay and lock, which
 * let anyone keep a user (the last administrator too) out by sending wrong passwords, are turned off in
 * application.yml.
 *
 * <p>The counts live in this node's memory, bounded in number: with several nodes each counts what it sees. Every
 * failure also counts in the metric {@code admission.sign-in.failures} (tag {@code route}: {@code basic} or
 * {@code webapp}), for an alert on password guessing.
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_DELAY = Duration.ofSeconds(5);
  static final Duration MAX_DELAY = Duration.ofMinutes(5);
  static final Duration FORGET_AFTER = Duration.ofMinutes(30);
  /** Enough for every officer's address; an attacker cycling through user ids evicts the oldest counts first. */
  static final long MAX_COUNTS = 100_000;

  private record Key(String address, String userId) {
  }

  private record Failures(int count, long blockedUntilNanos) {
  }

  private final Ticker ticker;
  private final Cache<Key, Failures> failures;
  private final MeterRegistry meters;

  public LoginThrottle(MeterRegistry meters) {
    this(Ticker.systemTicker(), MAX_COUNTS, meters);
  }

  LoginThrottle(Ticker ticker, long maxCounts) {
    this(ticker, maxCounts, new SimpleMeterRegistry());
  }

  LoginThrottle(Ticker ticker, long maxCounts, MeterRegistry meters) {
    this.ticker = ticker;
    this.meters = meters;
    this.failures = Caffeine.newBuilder()
        .ticker(ticker)
        .maximumSize(maxCounts)
        .expireAfterWrite(FORGET_AFTER)
        // Evictions done by the caller, not a pool thread: the work is tiny, and tests see a settled count.
        .executor(Runnable::run)
        .build();
  }

  /** How long the address must still wait before it may try this user's password again, if it must. */
  public Optional<Duration> refusal(String address, String userId, String route) {
    Failures current = failures.getIfPresent(new Key(address, userId));
    if (current == null) {
      return Optional.empty();
    }
    long left = current.blockedUntilNanos() - ticker.read();
    if (left <= 0) {
      return Optional.empty();
    }
    Duration wait = Duration.ofNanos(left);
    LOG.info("Sign-in of user {} from {} on {} refused without checking the password: throttled for {} s more "
        + "after {} failed attempts", printable(userId), address, route, retryAfterSeconds(wait), current.count());
    return Optional.of(wait);
  }

  public void failed(String address, String userId, String route) {
    Counter.builder("admission.sign-in.failures").description("Failed sign-ins (wrong user or password)")
        .tag("route", route.startsWith("HTTP Basic") ? "basic" : "webapp").register(meters).increment();
    Failures after = failures.asMap().compute(new Key(address, userId), (key, before) -> {
      int count = before == null ? 1 : before.count() + 1;
      if (count < FREE_FAILURES) {
        return new Failures(count, 0);
      }
      return new Failures(count, ticker.read() + delayAfter(count).toNanos());
    });
    if (after.count() >= FREE_FAILURES) {
      LOG.warn("Sign-in of user {} from {} throttled for {} s after {} failed attempts (last on {})",
          printable(userId), address, delayAfter(after.count()).toSeconds(), after.count(), route);
    } else {
      LOG.info("Sign-in failed for user {} from {} on {} ({} of {} before a delay)", printable(userId), address,
          route, after.count(), FREE_FAILURES);
    }
  }

  public void succeeded(String address, String userId) {
    failures.invalidate(new Key(address, userId));
  }

  /** The refusal after the given number of failures: {@link #FIRST_DELAY}, doubled for each further one, capped. */
  static Duration delayAfter(int failures) {
    int doublings = Math.min(failures - FREE_FAILURES, 20);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** A Retry-After value: whole seconds, rounded up so that a client waiting that long is not refused again. */
  static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  static String message(Duration wait) {
    return "Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau " + retryAfterSeconds(wait) + " giây.";
  }

  /** The user id as sent, which anyone can choose: no line breaks or other control characters in the log. */
  private static String printable(String userId) {
    String shown = userId.length() > 100 ? userId.substring(0, 100) + "…" : userId;
    return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }
}
