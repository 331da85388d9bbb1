package vn.doanthanhnien.admission.candidacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.ForeignInstanceException;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.unit.UnitChain;

/** The candidacy record beside each process instance: its status, current stage and timeline. */
@Service
@Transactional
public class CandidacyService {

  private static final Logger LOG = LoggerFactory.getLogger(CandidacyService.class);
  /** Attempts at correlating a withdrawal that keeps losing races with the engine's own work on the instance. */
  private static final int WITHDRAWAL_ATTEMPTS = 5;

  private final CandidacyRepository candidacies;
  private final CandidacyEventRepository events;
  private final BusinessClock clock;
  private final ObjectMapper json;
  private final RuntimeService runtime;
  private final UserScope scope;
  private final EngineAsSystem system;
  private final MilestoneCounters counters;
  private final StageCounts stageCounts;

  public CandidacyService(CandidacyRepository candidacies, CandidacyEventRepository events, BusinessClock clock,
      ObjectMapper json, RuntimeService runtime, UserScope scope, EngineAsSystem system, MilestoneCounters counters,
      StageCounts stageCounts) {
    this.counters = counters;
    this.stageCounts = stageCounts;
    this.candidacies = candidacies;
    this.events = events;
    this.clock = clock;
    this.json = json;
    this.runtime = runtime;
    this.scope = scope;
    this.system = system;
  }

  @Transactional(readOnly = true)
  public Optional<Candidacy> openCandidacyOf(String memberCode) {
    return candidacies.findByOpenMemberCode(memberCode);
  }

  public Candidacy open(String memberCode, UnitChain units, String nominationReason, String nominatedBy,
      String processInstanceId) {
    // Flushed at once so that a concurrent nomination of the member fails here, on the open candidacy's unique key,
    // where the caller can say so, rather than at commit.
    Candidacy candidacy = candidacies.saveAndFlush(new Candidacy(memberCode, units, PartyAdmissionProcess.NOMINATION,
        nominationReason, nominatedBy, clock.now(), processInstanceId));
    counters.add(candidacy.getBranchCode(), clock.today().getYear(), Milestone.NOMINATED, 1);
    stageCounts.moved(candidacy.getBranchCode(), null, candidacy.getStage());
    log(candidacy.getId(), PartyAdmissionProcess.NOMINATION, TimelineAction.NOMINATED, nominatedBy,
        "Đề cử đoàn viên " + memberCode + ": " + nominationReason);
    return candidacy;
  }

  /**
   * The candidacy a step of the pipeline acts on: the one its business key names, provided the step runs in that
   * candidacy's own process instance. A process started by hand with another candidacy's number as its business key,
   * in the middle of the model (start instructions at a task or an end event), is refused here before it can move,
   * close or start anything for that candidacy.
   */
  @Transactional(readOnly = true)
  public Long idOf(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Optional<Candidacy> candidacy = parseId(businessKey).flatMap(candidacies::findById);
    if (candidacy.isEmpty() || !execution.getProcessInstanceId().equals(candidacy.get().getProcessInstanceId())) {
      LOG.warn("Process instance {} with business key {} is not the instance of that candidacy: refused",
          execution.getProcessInstanceId(), businessKey);
      throw new ForeignInstanceException(businessKey, execution.getProcessInstanceId());
    }
    return candidacy.get().getId();
  }

  /** The candidacy id a business key names, if it is one. */
  public static Optional<Long> parseId(String businessKey) {
    if (businessKey == null || !businessKey.matches("[1-9][0-9]{0,17}")) {
      return Optional.empty();
    }
    return Optional.of(Long.valueOf(businessKey));
  }

  /** A task of the candidacy was created: its stage is now {@code stage}, due at {@code dueAt} (null: no due date). */
  public void enterStage(Long id, String stage, Instant dueAt) {
    Candidacy candidacy = get(id);
    if (candidacy.isOpen()) {
      stageCounts.moved(candidacy.getBranchCode(), candidacy.getStage(), stage);
    }
    candidacy.enterStage(stage, dueAt, clock.now());
  }

  /** The open stage's due date moved, or the stage with it ended without a next one (null). */
  public void dueDateMoved(Long id, Instant dueAt) {
    get(id).dueAt(dueAt);
  }

  /** @param partyDetails what only the candidacy's Party units may read; null or empty when the stage has none */
  public void recordStage(Long id, String stage, String actor, String summary, Map<String, Object> details,
      Map<String, Object> partyDetails) {
    events.save(new CandidacyEvent(id, stage, TimelineAction.STAGE_COMPLETED, actor, clock.now(), summary,
        toJson(details), partyDetails == null || partyDetails.isEmpty() ? null : toJson(partyDetails)));
  }

  /** An event of the candidacy that is not a completed stage: a reminder, an escalation, a renewal. */
  public void recordEvent(Long id, TimelineAction action, String actor, String summary) {
    log(id, get(id).getStage(), action, actor, summary);
  }

  /** The youth committee's resolution passed: from this date the member counts as introduced to the Party. */
  public void markIntroduced(Long id, LocalDate resolutionDate) {
    Candidacy candidacy = get(id);
    if (candidacy.introduced(resolutionDate)) {
      counters.add(candidacy.getBranchCode(), resolutionDate.getYear(), Milestone.INTRODUCED, 1);
    }
  }

  /** The grassroots youth committee handed the Party the list naming the candidacy: its timeline says so. */
  public void markHandedOver(Long id, LocalDate on, Long handoverId, String actor, String summary) {
    Candidacy candidacy = get(id);
    candidacy.handedOver(on, handoverId);
    log(id, candidacy.getStage(), TimelineAction.HANDED_OVER, actor, summary);
  }

  /** The candidacies of a grassroots youth unit introduced (resolution dated) from {@code from} to {@code to}. */
  @Transactional(readOnly = true)
  public List<Candidacy> introducedIn(String youthUnitCode, LocalDate from, LocalDate to) {
    return candidacies.findByYouthUnitCodeAndIntroducedOnBetweenOrderByBranchCodeAscIdAsc(youthUnitCode, from, to);
  }

  /** The superior committee approved the admission: the member counts as admitted in the decision's year. */
  public void markAdmissionApproved(Long id, LocalDate decisionDate) {
    Candidacy candidacy = get(id);
    LocalDate before = candidacy.admissionApproved(decisionDate);
    if (before != null) {
      counters.add(candidacy.getBranchCode(), before.getYear(), Milestone.ADMITTED, -1);
    }
    counters.add(candidacy.getBranchCode(), decisionDate.getYear(), Milestone.ADMITTED, 1);
  }

  public void close(Long id, CandidacyStatus outcome, String reason, String actor) {
    Candidacy candidacy = get(id);
    if (candidacy.isOpen()) {
      stageCounts.moved(candidacy.getBranchCode(), candidacy.getStage(), null);
    }
    candidacy.close(outcome, reason == null ? null : abbreviate(reason, 1000), clock.now());
    TimelineAction action = TimelineAction.valueOf(outcome.name());
    log(id, candidacy.getStage(), action, actor, reason == null ? "Đã kết nạp vào Đảng" : reason);
    LOG.info("Candidacy {} closed as {} at stage {}", id, outcome, candidacy.getStage());
  }

  /**
   * Ends the process through its withdrawal event subprocess, which closes the candidacy as withdrawn. Holds no
   * transaction of its own, so that a request needs one database connection at a time: each attempt has its own.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void withdraw(Long id, String reason) {
    Candidacy candidacy = readable(id);
    scope.requireYouthOfficerOf(candidacy.getBranchCode());
    InputCheck in = new InputCheck(clock.zone());
    String why = in.text("Lý do rút hồ sơ (reason)", reason, true, 1000);
    in.throwIfInvalid();
    if (!candidacy.isOpen()) {
      throw new ConflictException("Hồ sơ " + id + " đã kết thúc (" + candidacy.getStatus() + "), không thể rút.");
    }
    List<MessageCorrelationResult> withdrawn = correlateWithdrawal(id, candidacy.getProcessInstanceId(), why);
    if (withdrawn.isEmpty()) {
      // Ended by another request after this one read it as open, such as a second officer's withdrawal at once.
      throw new ConflictException("Hồ sơ " + id + " vừa kết thúc do một thao tác khác cùng lúc, không thể rút.");
    }
  }

  /**
   * Correlates the withdrawal message, each attempt in a transaction of its own. The officer's withdrawal must not
   * fail because the engine moved the instance on at the same moment (the certificate check that runs by itself right
   * after the youth committee's resolution, a deadline timer): an attempt that lost such a race is rolled back whole
   * and made again on the instance as it now is.
   */
  private List<MessageCorrelationResult> correlateWithdrawal(Long id, String processInstanceId, String why) {
    for (int attempt = 1; ; attempt++) {
      try {
        // Checked by the application's rule; a grant to update the instance would also let the user change its data.
        // correlateAll: unlike correlate, it writes the user operation log. The candidacy's own instance, not any
        // instance that carries its number as business key.
        return system.callInNewTransaction(() -> runtime.createMessageCorrelation(
                PartyAdmissionProcess.WITHDRAWAL_MESSAGE)
            .processInstanceId(processInstanceId)
            .setVariable(PartyAdmissionProcess.Var.WITHDRAWAL_REASON, Variables.stringValue(why, true))
            .correlateAllWithResult());
      } catch (RuntimeException e) {
        if (isLostRace(e) && attempt < WITHDRAWAL_ATTEMPTS) {
          LOG.info("Withdrawal of candidacy {} lost a race with a concurrent change (attempt {}), trying again: {}",
              id, attempt, e.getMessage());
          continue;
        }
        // An instance ending while it is correlated fails in one of several ways (a version clash, its executions or
        // subscription gone); what matters is that it ended.
        boolean mayHaveEnded = e instanceof ProcessEngineException || isLostRace(e);
        if (!mayHaveEnded || isRunning(processInstanceId)) {
          throw e;
        }
        LOG.info("Withdrawal of candidacy {} met its instance ending: {}", id, e.getMessage());
        return List.of();
      }
    }
  }

  private static boolean isLostRace(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
        return true;
      }
    }
    return false;
  }

  private boolean isRunning(String processInstanceId) {
    return system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()) > 0;
  }

  /** A candidacy of a branch the signed-in user answers for. */
  @Transactional(readOnly = true)
  public Candidacy readable(Long id) {
    Candidacy candidacy = get(id);
    scope.requireBranch(candidacy.getBranchCode());
    return candidacy;
  }

  @Transactional(readOnly = true)
  public Candidacy get(Long id) {
    return candidacies.findById(id)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ đề nghị kết nạp số " + id + "."));
  }

  @Transactional(readOnly = true)
  public List<CandidacyEvent> timeline(Long id) {
    return events.findByCandidacyIdOrderByOccurredAtAscIdAsc(id);
  }

  public Instant now() {
    return clock.now();
  }

  /** The summary of the last completed stage: the detail of a rejection. */
  @Transactional(readOnly = true)
  public Optional<String> lastStageSummary(Long id) {
    return events.findFirstByCandidacyIdAndActionOrderByIdDesc(id, TimelineAction.STAGE_COMPLETED)
        .map(CandidacyEvent::getSummary);
  }

  @Transactional(readOnly = true)
  public List<Candidacy> ofBranch(String branchCode) {
    scope.requireBranch(branchCode);
    return candidacies.findByBranchCodeOrderByIdDesc(branchCode);
  }

  private void log(Long id, String stage, TimelineAction action, String actor, String summary) {
    events.save(new CandidacyEvent(id, stage, action, actor, clock.now(), summary, null, null));
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private String toJson(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stage details cannot be written as JSON", e);
    }
  }
}
