package vn.doanthanhnien.admission.deadline;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;

/**
 * The twelve-month rule (docs/domain.md, after stage 12): if the Party cell has not voted within twelve months of the dossier
 * date, the introducer's letter, the Youth Union resolution and the opinions are renewed. The timers on the stages
 * between the dossier and the cell's vote fire at {@link #dueAt}; the event they lead to calls {@link #notify}, which
 * starts a new twelve-month period from the day the renewal starts.
 */
@Component("dossierRenewal")
public class DossierRenewal implements ExecutionListener {

  public static final String RENEWING = PartyAdmissionProcess.Var.RENEWING_DOSSIER;
  public static final String STARTED_ON = PartyAdmissionProcess.Var.RENEWAL_STARTED_ON;
  static final String DOSSIER_DATE = PartyAdmissionProcess.DOSSIER_DATE.variable();
  static final int MONTHS = 12;

  private final BusinessClock clock;
  private final CandidacyService candidacies;

  public DossierRenewal(BusinessClock clock, CandidacyService candidacies) {
    this.clock = clock;
    this.candidacies = candidacies;
  }

  /** The day the current twelve months began: the dossier date, or the day the last renewal started. */
  public LocalDate periodStart(DelegateExecution execution) {
    Object since = execution.hasVariable(STARTED_ON) ? execution.getVariable(STARTED_ON)
        : execution.getVariable(DOSSIER_DATE);
    return LocalDate.parse(String.valueOf(since));
  }

  /** Midnight, business time, twelve months after {@link #periodStart}. */
  public Date dueAt(DelegateExecution execution) {
    return Date.from(periodStart(execution).plusMonths(MONTHS).atStartOfDay(clock.zone()).toInstant());
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(RENEWING, true);
    execution.setVariable(STARTED_ON, clock.today().toString());
    candidacies.recordEvent(candidacies.idOf(execution), TimelineAction.RENEWAL_STARTED, null,
        "Quá " + MONTHS + " tháng kể từ ngày hồ sơ mà chi bộ chưa biểu quyết: làm lại nghị quyết giới thiệu của "
            + "Đoàn, thư giới thiệu của đảng viên và ý kiến nhận xét.");
  }
}
