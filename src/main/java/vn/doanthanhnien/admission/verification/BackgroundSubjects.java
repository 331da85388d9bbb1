package vn.doanthanhnien.admission.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;

/**
 * Whose background the Party committee verifies (docs/domain.md, stage 7): the candidate and both parents always, the spouse,
 * the spouse's parents and a guardian when the personal history lists them (the optional flags of the dossier form).
 * The multi-instance {@code verifyBackground} task runs once per subject, in parallel.
 */
@Component("backgroundSubjects")
public class BackgroundSubjects {

  /** The subject of one verification task, a local variable of its instance. */
  public static final String SUBJECT = PartyAdmissionProcess.Var.BACKGROUND_SUBJECT;
  /** The subject's Vietnamese label, a local variable of its task that the form shows. */
  public static final String SUBJECT_LABEL = PartyAdmissionProcess.Var.BACKGROUND_SUBJECT_LABEL;
  /** Set when any subject's verification finds a concern: the remaining verifications are cancelled. */
  public static final String CONCERN = PartyAdmissionProcess.Var.BACKGROUND_CONCERN;

  public enum Subject {
    CANDIDATE("Người xin vào Đảng", null),
    FATHER("Cha đẻ", null),
    MOTHER("Mẹ đẻ", null),
    SPOUSE("Vợ hoặc chồng", PartyAdmissionProcess.SPOUSE_LISTED.variable()),
    SPOUSE_FATHER("Cha của vợ hoặc chồng", PartyAdmissionProcess.SPOUSE_PARENTS_LISTED.variable()),
    SPOUSE_MOTHER("Mẹ của vợ hoặc chồng", PartyAdmissionProcess.SPOUSE_PARENTS_LISTED.variable()),
    GUARDIAN("Người trực tiếp nuôi dưỡng", PartyAdmissionProcess.GUARDIAN_LISTED.variable());

    public final String label;
    /** The dossier's flag that lists this subject; null when every personal history has one. */
    final String listedBy;

    Subject(String label, String listedBy) {
      this.label = label;
      this.listedBy = listedBy;
    }
  }

  /** The collection of the multi-instance task: the names of the subjects listed in the dossier. */
  public List<String> of(VariableScope execution) {
    List<String> subjects = new ArrayList<>();
    for (Subject subject : Subject.values()) {
      if (subject.listedBy == null || Boolean.TRUE.equals(execution.getVariable(subject.listedBy))) {
        subjects.add(subject.name());
      }
    }
    return subjects;
  }

  /** The Vietnamese label of a subject's name, or null for a value that names no subject. */
  public static String label(Object subject) {
    return Arrays.stream(Subject.values()).filter(s -> s.name().equals(subject)).map(s -> s.label).findFirst()
        .orElse(null);
  }
}
