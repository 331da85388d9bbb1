package vn.doanthanhnien.admission.stage;

import java.util.Collection;
import java.util.Optional;
import vn.doanthanhnien.admission.form.DeclaredField;
import vn.doanthanhnien.admission.form.DeployedForm;

/**
 * What one user task of the pipeline accepts, read from the deployed model: the task's name, the fields of its
 * Camunda Form with their checks, and the decision table of its rules across fields and stages.
 *
 * @param checks key of the DMN table whose rows name what is wrong with a submission (the user task's extension
 *     property {@code checks}), or null when the stage has none
 */
public record StageForm(String taskKey, String title, DeployedForm form, String checks) {

  /** The extension property of a user task that names its rule table. */
  public static final String CHECKS_PROPERTY = "checks";
  private static final String VOTES_FOR = "votesFor";
  private static final String MEMBER_COUNT = "memberCount";

  public Collection<DeclaredField> fields() {
    return form.fields().values();
  }

  public boolean isVote() {
    return votesFor().isPresent() && memberCount().isPresent();
  }

  /** The field counting the votes for, when the task records a vote. */
  public Optional<String> votesFor() {
    return voteField(VOTES_FOR);
  }

  /** The field the threshold is measured against (all members, not attendees). */
  public Optional<String> memberCount() {
    return voteField(MEMBER_COUNT);
  }

  private Optional<String> voteField(String role) {
    return fields().stream().filter(f -> f.property(DeclaredField.VOTE).filter(role::equals).isPresent())
        .map(DeclaredField::key).findFirst();
  }
}
