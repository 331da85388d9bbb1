package vn.doanthanhnien.admission.stage;

import java.util.List;
import java.util.Map;

/**
 * What one user task of the pipeline accepts: its fields, the checks between them, and for a vote which fields count.
 *
 * @param votesFor key of the votes-for field when the task records a vote, else null
 * @param memberCount key of the field the threshold is measured against (all members, not attendees)
 */
public record StageForm(String taskKey, String title, List<FormField> fields, String votesFor, String memberCount,
    List<CrossCheck> checks) {

  /** A rule between fields of one submission; values that failed to parse are null and are skipped. */
  @FunctionalInterface
  public interface CrossCheck {
    /** Returns a Vietnamese message when the rule is broken, else null. */
    String violation(Map<String, Object> values);
  }

  public boolean isVote() {
    return votesFor != null;
  }
}
