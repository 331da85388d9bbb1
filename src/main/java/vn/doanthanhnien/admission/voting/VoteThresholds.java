package vn.doanthanhnien.admission.voting;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import vn.doanthanhnien.admission.common.RuleTables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Whether a vote passes. Each stage's threshold is a fraction in the DMN table {@code voteThreshold} ("more than
 * half", "at least two thirds"); the comparison is done here in whole numbers so that exactly two thirds passes and
 * exactly half does not, with no rounding.
 */
@Component
public class VoteThresholds {

  public static final String DECISION = "voteThreshold";

  private final RuleTables decisions;

  public VoteThresholds(RuleTables decisions) {
    this.decisions = decisions;
  }

  public VoteOutcome evaluate(String stage, int votesFor, int memberCount) {
    DmnDecisionTableResult result = decisions.evaluate(DECISION,
        Variables.createVariables().putValue("voteStage", stage));
    if (result.size() != 1) {
      throw new IllegalStateException("Decision " + DECISION + " has " + result.size() + " rows for stage " + stage);
    }
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    long numerator = ((Number) row.get("numerator")).longValue();
    long denominator = ((Number) row.get("denominator")).longValue();
    boolean strictlyGreater = (Boolean) row.get("strictlyGreater");
    long cast = (long) votesFor * denominator;
    long needed = numerator * memberCount;
    boolean passed = strictlyGreater ? cast > needed : cast >= needed;
    String rule = (strictlyGreater ? "trên " : "từ ") + numerator + "/" + denominator
        + (strictlyGreater ? "" : " trở lên");
    return new VoteOutcome(passed, votesFor + "/" + memberCount + " phiếu tán thành, yêu cầu " + rule + " — "
        + (passed ? "đạt" : "không đạt"));
  }

  public record VoteOutcome(boolean passed, String description) {
  }
}
