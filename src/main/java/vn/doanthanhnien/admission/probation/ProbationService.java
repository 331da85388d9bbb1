package vn.doanthanhnien.admission.probation;

import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.ForeignInstanceException;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.deadline.WorkingDays;
import vn.doanthanhnien.admission.identity.CandidacyAuthorizations;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.unit.UnitChain;
import vn.doanthanhnien.admission.process.ProbationProcess;

/** The probation of each admitted member: its process instance, and its record with the outcome. */
@Service
@Transactional
public class ProbationService {

  private static final Logger LOG = LoggerFactory.getLogger(ProbationService.class);

  private final ProbationRepository probations;
  private final ProbationPeriod period;
  private final CandidacyService candidacies;
  private final CandidacyAuthorizations authorizations;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final EngineAsSystem system;
  private final WorkingDays workingDays;
  private final BusinessClock clock;

  public ProbationService(ProbationRepository probations, ProbationPeriod period, CandidacyService candidacies,
      CandidacyAuthorizations authorizations, RuntimeService runtime, HistoryService history, EngineAsSystem system,
      WorkingDays workingDays, BusinessClock clock) {
    this.probations = probations;
    this.period = period;
    this.candidacies = candidacies;
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.history = history;
    this.system = system;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /**
   * Starts the probation process of an admitted candidacy, visible to the same units as the candidacy. A second start
   * for the same candidacy fails on the record's key, so the whole transaction rolls back.
   *
   * @param ceremonyDate ISO date of the admission ceremony
   */
  public Probation start(Long candidacyId, String memberCode, UnitChain units, String ceremonyDate) {
    LocalDate end = period.endDate(ceremonyDate);
    VariableMap variables = Variables.createVariables()
        .putValue(PartyAdmissionProcess.Var.CANDIDACY_ID, String.valueOf(candidacyId))
        .putValue(PartyAdmissionProcess.Var.MEMBER_CODE, memberCode)
        .putValue(PartyAdmissionProcess.Var.BRANCH_CODE, units.branchCode())
        .putValue(PartyAdmissionProcess.Var.YOUTH_UNIT_CODE, units.youthUnitCode())
        .putValue(PartyAdmissionProcess.Var.PARTY_CELL_CODE, units.partyCellCode())
        .putValue(PartyAdmissionProcess.Var.PARTY_COMMITTEE_CODE, units.partyCommitteeCode())
        .putValue(PartyAdmissionProcess.Var.SUPERIOR_COMMITTEE_CODE, units.superiorCommitteeCode())
        .putValue(ProbationProcess.Var.CEREMONY_DATE, ceremonyDate)
        .putValue(ProbationProcess.Var.PROBATION_END_DATE, end.toString());
    // The application starts it on the member's behalf, whoever runs the job: nobody, or an administrator retrying it.
    String processInstanceId = system.call(() -> runtime.startProcessInstanceByKey(ProbationProcess.KEY,
        String.valueOf(candidacyId), variables)).getId();
    authorizations.grantToUnitsOf(processInstanceId, units);
    LOG.info("Probation of candidacy {} started, ends on {}", candidacyId, end);
    return probations.save(new Probation(candidacyId, processInstanceId, LocalDate.parse(ceremonyDate), end));
  }

  /**
   * Records the outcome when the process reaches an end event.
   *
   * @param meetingDate the deciding vote's meeting date; null when its form has none (the committee's), and then the
   *     day the result was recorded counts
   * @param endEventName the end event's name in the model, which begins the reason of a refusal
   */
  public void decide(Long candidacyId, boolean recognised, String decidedAt, LocalDate meetingDate,
      String resolutionNumber, String endEventName) {
    String reason = recognised ? null : endEventName + candidacies.lastStageSummary(candidacyId)
        .map(s -> " (" + s + ")").orElse("");
    get(candidacyId).decide(recognised, decidedAt, meetingDate == null ? clock.today() : meetingDate,
        resolutionNumber, reason == null ? null : abbreviate(reason, 1000), clock.now());
    candidacies.dueDateMoved(candidacyId, null);
    LOG.info("Probation of candidacy {} ended: {}", candidacyId, recognised ? "recognised" : "not recognised");
  }

  /**
   * The candidacy a step of the probation process acts on: the one its business key names, provided the step runs in
   * that candidacy's probation instance (see {@link CandidacyService#idOf}).
   */
  @Transactional(readOnly = true)
  public Long candidacyOf(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Optional<Probation> probation = CandidacyService.parseId(businessKey).flatMap(probations::findById);
    if (probation.isEmpty() || !execution.getProcessInstanceId().equals(probation.get().getProcessInstanceId())) {
      LOG.warn("Process instance {} with business key {} is not the probation of that candidacy: refused",
          execution.getProcessInstanceId(), businessKey);
      throw new ForeignInstanceException(businessKey, execution.getProcessInstanceId());
    }
    return probation.get().getCandidacyId();
  }

  @Transactional(readOnly = true)
  public Probation get(Long candidacyId) {
    return probations.findById(candidacyId).orElseThrow(() -> new NotFoundException(
        "Hồ sơ số " + candidacyId + " chưa có thời kỳ dự bị (đảng viên chưa được kết nạp)."));
  }

  /**
   * The day by which the cell votes on full membership: the due date of its task once the probation is over, before
   * that the same rule applied ahead of time (the holidays of a later year may still be added to the calendar).
   */
  @Transactional(readOnly = true)
  public LocalDate voteDueDate(Probation probation) {
    Date due = system.call(() -> history.createHistoricTaskInstanceQuery()
            .processInstanceId(probation.getProcessInstanceId()).taskDefinitionKey(ProbationProcess.CELL_VOTE).list())
        .stream().map(HistoricTaskInstance::getDueDate).filter(Objects::nonNull).findFirst()
        .orElseGet(() -> workingDays.dueAt(probation.getEndDate(), ProbationProcess.VOTE_WITHIN_WORKING_DAYS));
    return LocalDate.ofInstant(due.toInstant(), clock.zone());
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
