package vn.doanthanhnien.admission.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metric {@code admission.submissions.refused}: submissions refused, by stage (the task key, {@code start} for a
 * start form, {@code none} for a call that submits no form) and by where they were refused: {@code stage-rules} (the
 * server-side checks of a stage, stage/StageListeners), {@code engine-rest} or {@code camunda-api} (the REST boundary,
 * engineapi/EngineRestGate, before the engine). A rising count at one stage points at a form or a rule officers
 * stumble on.
 */
public final class RefusedSubmissions {

  public static final String METRIC = "admission.submissions.refused";

  private RefusedSubmissions() {
  }

  public static void count(MeterRegistry meters, String stage, String route) {
    Counter.builder(METRIC).description("Submissions refused, by stage and by where they were refused")
        .tag("stage", stage).tag("route", route).register(meters).increment();
  }
}
