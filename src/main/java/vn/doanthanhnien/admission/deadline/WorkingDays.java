package vn.doanthanhnien.admission.deadline;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.doanthanhnien.admission.common.BusinessClock;

/**
 * Working days for services and BPMN expressions, e.g. {@code ${workingDays.dueAt(recordAdmissionDecision_decisionDate,
 * 30)}} for a task's due date. The holiday list is read on first use and kept in memory: deadlines are computed on
 * every task and timer, the list changes a few times a year. A change through /api/holidays drops the copy once it is
 * committed, and the next call reads the list again.
 */
@Component("workingDays")
public class WorkingDays {

  private final PublicHolidayRepository holidays;
  private final BusinessClock clock;
  private volatile WorkingDayCalendar calendar;

  public WorkingDays(PublicHolidayRepository holidays, BusinessClock clock) {
    this.holidays = holidays;
    this.clock = clock;
  }

  public LocalDate plus(LocalDate from, int workingDays) {
    return calendar().plus(from, workingDays);
  }

  /** See {@link WorkingDayCalendar#between}. */
  public int between(LocalDate from, LocalDate to) {
    return calendar().between(from, to);
  }

  /** See {@link WorkingDayCalendar#minus}. */
  public LocalDate minus(LocalDate to, int workingDays) {
    return calendar().minus(to, workingDays);
  }

  /** 17:00 in the business zone on the {@code workingDays}-th working day after {@code from}. */
  public Date dueAt(Object from, int workingDays) {
    return calendar().dueAt(from, workingDays);
  }

  // Both synchronized: a read of the list that overlaps a change's commit is dropped after it, never kept.
  private WorkingDayCalendar calendar() {
    WorkingDayCalendar current = calendar;
    if (current == null) {
      synchronized (this) {
        if (calendar == null) {
          calendar = new WorkingDayCalendar(clock.zone(), holidays.findAll());
        }
        current = calendar;
      }
    }
    return current;
  }

  @TransactionalEventListener(fallbackExecution = true)
  synchronized void holidaysChanged(HolidaysChanged event) {
    calendar = null;
  }
}
