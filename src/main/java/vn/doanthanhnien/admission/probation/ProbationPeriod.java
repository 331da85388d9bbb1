package vn.doanthanhnien.admission.probation;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.BusinessClock;

/**
 * The twelve months of probation from the admission ceremony (Party Charter, art. 5). Fixed by the Charter, unlike the
 * configurable thresholds. The model's timer waits until {@link #endsAt} by the bean name {@code probationPeriod}.
 */
@Component("probationPeriod")
public class ProbationPeriod {

  static final int MONTHS = 12;

  private final BusinessClock clock;

  public ProbationPeriod(BusinessClock clock) {
    this.clock = clock;
  }

  /** The day the probation is over: the same day of the month, twelve months after the ceremony. */
  public LocalDate endDate(String ceremonyDate) {
    return LocalDate.parse(ceremonyDate).plusMonths(MONTHS);
  }

  /** Midnight, business time, at the start of {@link #endDate}. */
  public Date endsAt(String ceremonyDate) {
    return Date.from(endDate(ceremonyDate).atStartOfDay(clock.zone()).toInstant());
  }
}
