package vn.doanthanhnien.admission.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository.OpenAtStage;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository.YearCounts;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.report.PipelineStages;

/**
 * The engine's and the pipeline's figures for Prometheus ({@code /actuator/prometheus}, administrators only):
 *
 * <ul>
 *   <li>{@code camunda.engine.<metric>} — Camunda's own metrics (job acquisition, jobs done and failed, activity
 *       instances, decisions), the sums of {@code ACT_RU_METER_LOG}: the whole cluster, as each node's engine reports
 *       them to the database (every 15 minutes by default), not this node's figures of the moment;</li>
 *   <li>{@code camunda.incidents.open} — open incidents (a failed step waiting for an administrator in Cockpit);</li>
 *   <li>{@code admission.candidacies.open{stage}} and {@code admission.candidacies.overdue{stage}} — open candidacies
 *       by the stage they wait at, and those past their due date;</li>
 *   <li>{@code admission.candidacies.nominated.year} and {@code admission.candidacies.admitted.year} — nominated and
 *       admitted (decision dated) this calendar year in Vietnam.</li>
 * </ul>
 *
 * Refused submissions and failed sign-ins are counters of their own (common/RefusedSubmissions,
 * identity/LoginThrottle). Every figure here is read from the database at most once every {@link #FRESH_FOR}, in one
 * grouped query for the candidacies, however often Prometheus scrapes and however many series it reads.
 */
@Component
public class AdmissionMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(AdmissionMetrics.class);

  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  /** Camunda's metric names, as {@code ManagementService.createMetricsQuery().name(…)} takes them. */
  static final List<String> ENGINE_METRICS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_LOCKED_EXCLUSIVE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END,
      Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.EXECUTED_DECISION_INSTANCES);

  /** What the gauges show, read together. */
  record Snapshot(long readAtNanos, Map<String, Long> engine, long incidents, Map<String, OpenAtStageCounts> stages,
      long nominatedThisYear, long admittedThisYear) {
  }

  record OpenAtStageCounts(long open, long overdue) {
  }

  private final CandidacyRepository candidacies;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final EngineAsSystem system;
  private final BusinessClock clock;
  private final PipelineStages pipeline;
  private final Set<String> stagesWithGauges = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;
  private volatile Snapshot snapshot;

  public AdmissionMetrics(CandidacyRepository candidacies, ManagementService management, RuntimeService runtime,
      EngineAsSystem system, BusinessClock clock, PipelineStages pipeline) {
    this.candidacies = candidacies;
    this.management = management;
    this.runtime = runtime;
    this.system = system;
    this.clock = clock;
    this.pipeline = pipeline;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (String name : ENGINE_METRICS) {
      FunctionCounter.builder("camunda.engine." + name.replace('-', '.'), this,
              metrics -> metrics.current().engine().getOrDefault(name, 0L))
          .description("Camunda engine metric '" + name + "' as reported to the database by every node")
          .register(registry);
    }
    Gauge.builder("camunda.incidents.open", this, metrics -> metrics.current().incidents())
        .description("Open incidents: failed jobs waiting for an administrator").register(registry);
    Gauge.builder("admission.candidacies.nominated.year", this, metrics -> metrics.current().nominatedThisYear())
        .description("Candidacies nominated this calendar year (Vietnam)").register(registry);
    Gauge.builder("admission.candidacies.admitted.year", this, metrics -> metrics.current().admittedThisYear())
        .description("Candidacies admitted this calendar year (decision date, Vietnam)").register(registry);
  }

  /**
   * A gauge for every stage of the pipeline from the start, so that a stage without candidacies shows 0 rather than no
   * series; a stage first seen later (a model changed in Modeler) gets its gauges when a refresh meets it.
   */
  @EventListener(ApplicationReadyEvent.class)
  void registerStages() {
    try {
      pipeline.userTasks().forEach(stage -> stageGauges(stage.key()));
      current();
    } catch (RuntimeException e) {
      LOG.warn("Stage gauges not registered at start-up, they will be on the first scrape: {}", e.toString());
    }
  }

  private void stageGauges(String stage) {
    MeterRegistry meters = registry;
    if (meters == null || !stagesWithGauges.add(stage)) {
      return;
    }
    Gauge.builder("admission.candidacies.open", this, metrics -> metrics.atStage(stage).open())
        .description("Open candidacies by the stage they wait at").tag("stage", stage).register(meters);
    Gauge.builder("admission.candidacies.overdue", this, metrics -> metrics.atStage(stage).overdue())
        .description("Open candidacies past their due date, by stage").tag("stage", stage).register(meters);
  }

  private OpenAtStageCounts atStage(String stage) {
    return current().stages().getOrDefault(stage, new OpenAtStageCounts(0, 0));
  }

  /** The figures, read again when older than {@link #FRESH_FOR}. */
  Snapshot current() {
    Snapshot last = snapshot;
    if (last != null && System.nanoTime() - last.readAtNanos() < FRESH_FOR.toNanos()) {
      return last;
    }
    synchronized (this) {
      if (snapshot != last) {
        return snapshot;
      }
      snapshot = read();
      snapshot.stages().keySet().forEach(this::stageGauges);
      return snapshot;
    }
  }

  /** The next read goes to the database (tests, after changing candidacies). */
  void forget() {
    snapshot = null;
  }

  private Snapshot read() {
    Map<String, Long> engine = new HashMap<>();
    long incidents = system.call(() -> {
      ENGINE_METRICS.forEach(name -> engine.put(name, management.createMetricsQuery().name(name).sum()));
      return runtime.createIncidentQuery().count();
    });
    Map<String, OpenAtStageCounts> stages = new HashMap<>();
    for (OpenAtStage row : candidacies.countOpenByStage(clock.now())) {
      stages.put(row.getStage(), new OpenAtStageCounts(row.getOpenCount(), row.getOverdueCount()));
    }
    ZoneId zone = clock.zone();
    Year year = Year.from(clock.today());
    LocalDate first = year.atDay(1);
    LocalDate last = year.atMonth(12).atEndOfMonth();
    YearCounts ofYear = candidacies.countOfYear(first.atStartOfDay(zone).toInstant(),
        first.plusYears(1).atStartOfDay(zone).toInstant(), first, last);
    return new Snapshot(System.nanoTime(), engine, incidents, stages, orZero(ofYear.getNominated()),
        orZero(ofYear.getAdmitted()));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
