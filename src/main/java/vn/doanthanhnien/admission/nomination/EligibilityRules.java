package vn.doanthanhnien.admission.nomination;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.RuleTables;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.Rating;

/**
 * Who may be nominated. The thresholds (age, education, the ratings of the years before) live in the DMN table
 * {@code nominationEligibility} so that administrators change them in Camunda Modeler; this class only computes the
 * table's inputs: the age in whole months and the activity on a day, the education, and the ratings of the year
 * before and the one before that, from the member's rating history.
 */
@Component
public class EligibilityRules {

  public static final String DECISION = "nominationEligibility";
  static final String REFUSAL = "refusalReason";

  private final RuleTables decisions;

  public EligibilityRules(RuleTables decisions) {
    this.decisions = decisions;
  }

  /** Every rule the member fails on {@code today}, as Vietnamese sentences; empty when eligible. Within a transaction. */
  public List<String> refusals(Member member, LocalDate today) {
    return decisions.evaluate(DECISION, inputs(member, member::ratingOf, today, today)).collectEntries(REFUSAL);
  }

  /** For many members at once (the pool); see {@link Batch}. */
  public Batch batch() {
    return new Batch(decisions.unrecorded(DECISION));
  }

  /**
   * The latest table evaluated for many members without a decision history row each, and once per distinct set of
   * inputs ({@link RuleTables#unrecorded}).
   */
  public static final class Batch {

    private final Function<Map<String, Object>, DmnDecisionTableResult> table;

    private Batch(Function<Map<String, Object>, DmnDecisionTableResult> table) {
      this.table = table;
    }

    /**
     * The rules the member fails with the ratings of the years before {@code ratedAsOf}'s year, at the age and the
     * activity of {@code agedAsOf}: both the same day for "eligible on that day"; the age of a later day for "will the
     * member still be of age then".
     */
    public List<String> refusals(Member member, IntFunction<Optional<Rating>> ratingOf, LocalDate ratedAsOf,
        LocalDate agedAsOf) {
      return table.apply(inputs(member, ratingOf, ratedAsOf, agedAsOf)).collectEntries(REFUSAL);
    }
  }

  private static Map<String, Object> inputs(Member member, IntFunction<Optional<Rating>> ratingOf, LocalDate ratedAsOf,
      LocalDate agedAsOf) {
    int previousYear = ratedAsOf.getYear() - 1;
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("ageMonths", ageInWholeMonths(member.getBirthDate(), agedAsOf));
    inputs.put("youthUnionActive", member.isYouthUnionActive() && !member.getYouthUnionJoinDate().isAfter(agedAsOf));
    inputs.put("education", member.getEducation().name());
    inputs.put("previousYearRating", ratingOf.apply(previousYear).map(Rating::name).orElse(null));
    inputs.put("ratingTwoYearsAgo", ratingOf.apply(previousYear - 1).map(Rating::name).orElse(null));
    return inputs;
  }

  /**
   * Age "tính theo tháng": the month of birth counts as a whole month, so a member born on any day of March 2008 is
   * 18 years (216 months) old throughout March 2026.
   */
  static long ageInWholeMonths(LocalDate birthDate, LocalDate today) {
    return ChronoUnit.MONTHS.between(YearMonth.from(birthDate), YearMonth.from(today));
  }
}
