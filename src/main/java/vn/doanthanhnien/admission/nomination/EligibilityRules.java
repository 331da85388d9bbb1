package vn.doanthanhnien.admission.nomination;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.doanthanhnien.admission.common.RuleTables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.member.Member;

/**
 * Who may be nominated. The thresholds (age, education, rating) live in the DMN table {@code nominationEligibility}
 * so that administrators change them in Camunda Modeler; this class only computes the table's inputs.
 */
@Component
public class EligibilityRules {

  public static final String DECISION = "nominationEligibility";

  private final RuleTables decisions;

  public EligibilityRules(RuleTables decisions) {
    this.decisions = decisions;
  }

  /** Every rule the member fails on {@code today}, as Vietnamese sentences; empty when eligible. */
  public List<String> refusals(Member member, LocalDate today) {
    VariableMap inputs = Variables.createVariables()
        .putValue("ageMonths", ageInWholeMonths(member.getBirthDate(), today))
        .putValue("youthUnionActive", member.isYouthUnionActive() && !member.getYouthUnionJoinDate().isAfter(today))
        .putValue("education", member.getEducation().name())
        .putValue("lastRating", member.getLastRating().name())
        .putValue("ratingYearsAgo", today.getYear() - member.getLastRatingYear());
    return decisions.evaluate(DECISION, inputs).collectEntries("refusalReason");
  }

  /**
   * Age "tính theo tháng": the month of birth counts as a whole month, so a member born on any day of March 2008 is
   * 18 years (216 months) old throughout March 2026.
   */
  static long ageInWholeMonths(LocalDate birthDate, LocalDate today) {
    return ChronoUnit.MONTHS.between(YearMonth.from(birthDate), YearMonth.from(today));
  }
}
