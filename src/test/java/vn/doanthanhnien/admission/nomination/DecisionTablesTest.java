package vn.doanthanhnien.admission.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The rules administrators edit in Camunda Modeler, evaluated as deployed (processes/*.dmn), without the app. */
class DecisionTablesTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @Test
  void anEligibleMemberHasNoRefusalReason() {
    assertThat(eligibility(216, true, "LOWER_SECONDARY", "GOOD", null).getResultList()).isEmpty();
    assertThat(eligibility(371, true, "POSTGRADUATE", "EXCELLENT", "NOT_COMPLETED").getResultList()).isEmpty();
  }

  @Test
  void eachEligibilityRuleRefusesAtItsBoundary() {
    assertThat(eligibility(215, true, "UNIVERSITY", "GOOD", "GOOD").collectEntries("refusalReason"))
        .containsExactly("Chưa đủ 18 tuổi (tính tròn tháng)");
    assertThat(eligibility(372, true, "UNIVERSITY", "GOOD", "GOOD").collectEntries("refusalReason"))
        .containsExactly("Quá 30 tuổi, không còn trong độ tuổi đoàn viên");
    assertThat(eligibility(300, false, "UNIVERSITY", "GOOD", "GOOD").collectEntries("refusalReason"))
        .containsExactly("Không phải đoàn viên đang sinh hoạt");
    assertThat(eligibility(300, true, "PRIMARY", "GOOD", "GOOD").collectEntries("refusalReason"))
        .containsExactly("Trình độ học vấn dưới trung học cơ sở");
    assertThat(eligibility(300, true, "UNIVERSITY", "COMPLETED", "EXCELLENT").collectEntries("refusalReason"))
        .containsExactly("Năm trước không được xếp loại hoàn thành xuất sắc hoặc hoàn thành tốt nhiệm vụ");
  }

  @Test
  void theRatingReadIsThePreviousYearsAndNoneIsItsOwnReason() {
    // Rated excellent two years ago, not rated last year: only the missing rating is named.
    assertThat(eligibility(300, true, "UNIVERSITY", null, "EXCELLENT").collectEntries("refusalReason"))
        .containsExactly("Chưa có xếp loại của năm trước");
  }

  @Test
  void everyBrokenRuleIsCollected() {
    // Every rule but the upper age limit and the missing rating is broken: each is named once.
    assertThat(eligibility(200, false, "PRIMARY", "NOT_COMPLETED", null).collectEntries("refusalReason"))
        .containsExactlyInAnyOrder("Chưa đủ 18 tuổi (tính tròn tháng)", "Không phải đoàn viên đang sinh hoạt",
            "Trình độ học vấn dưới trung học cơ sở",
            "Năm trước không được xếp loại hoàn thành xuất sắc hoặc hoàn thành tốt nhiệm vụ");
  }

  @Test
  void voteThresholdsAreMoreThanHalfThenAtLeastTwoThirds() {
    assertThat(threshold("recordBranchVote")).containsEntry("numerator", 1).containsEntry("denominator", 2)
        .containsEntry("strictlyGreater", true);
    assertThat(threshold("recordYouthCommitteeResolution")).containsEntry("numerator", 1)
        .containsEntry("denominator", 2).containsEntry("strictlyGreater", true);
    assertThat(threshold("recordPartyCellVote")).containsEntry("numerator", 2).containsEntry("denominator", 3)
        .containsEntry("strictlyGreater", false);
    assertThat(threshold("recordPartyCommitteeVote")).containsEntry("numerator", 2).containsEntry("denominator", 3)
        .containsEntry("strictlyGreater", false);
  }

  @Test
  void anAwarenessCertificateIsValidForSixtyMonths() {
    assertThat(certificateValid(null)).isFalse();
    assertThat(certificateValid(0)).isTrue();
    assertThat(certificateValid(60)).isTrue();
    assertThat(certificateValid(61)).isFalse();
  }

  private DmnDecisionTableResult eligibility(int ageMonths, boolean active, String education,
      String previousYearRating, String ratingTwoYearsAgo) {
    return DMN.evaluateDecisionTable(decision("nominationEligibility"), Variables.createVariables()
        .putValue("ageMonths", ageMonths).putValue("youthUnionActive", active).putValue("education", education)
        .putValue("previousYearRating", previousYearRating).putValue("ratingTwoYearsAgo", ratingTwoYearsAgo));
  }

  private Map<String, Object> threshold(String stage) {
    return DMN.evaluateDecisionTable(decision("voteThreshold"), Variables.createVariables().putValue("voteStage", stage))
        .getSingleResult().getEntryMap();
  }

  private Boolean certificateValid(Integer ageMonths) {
    return DMN.evaluateDecisionTable(decision("awarenessCertificateValidity"),
        Variables.createVariables().putValue("certificateAgeMonths", ageMonths)).getSingleEntry();
  }

  private static DmnDecision decision(String id) {
    try (InputStream model = DecisionTablesTest.class.getResourceAsStream("/" + id + ".dmn")) {
      return DMN.parseDecision(id, model);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
