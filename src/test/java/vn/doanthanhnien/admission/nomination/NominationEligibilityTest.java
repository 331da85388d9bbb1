package vn.doanthanhnien.admission.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.member.Education;
import vn.doanthanhnien.admission.member.Rating;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;
import vn.doanthanhnien.admission.support.TestMembers.Draft;

/** Stage 1 of docs/domain.md: each eligibility rule at its exact boundary, refused with nothing stored. */
@PipelineTest
class NominationEligibilityTest {

  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired CandidacyRepository candidacies;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;

  @Test
  void eighteenYearsToTheMonthIsOldEnoughEvenBeforeTheBirthday() {
    YearMonth eighteenYearsAgo = YearMonth.from(today()).minusYears(18);

    assertAccepted(d -> d.born(eighteenYearsAgo.atEndOfMonth()));
  }

  @Test
  void oneMonthShortOfEighteenIsRefused() {
    LocalDate born = YearMonth.from(today()).minusYears(18).plusMonths(1).atDay(1);

    assertRefused(d -> d.born(born), "Chưa đủ 18 tuổi");
  }

  @Test
  void thirtyYearsAndElevenMonthsIsStillYouthUnionAge() {
    assertAccepted(d -> d.born(YearMonth.from(today()).minusMonths(371).atDay(1)));
  }

  @Test
  void thirtyOneYearsIsOverTheYouthUnionAge() {
    assertRefused(d -> d.born(YearMonth.from(today()).minusMonths(372).atDay(1)), "Quá 30 tuổi");
  }

  @Test
  void aMemberNoLongerActiveIsRefused() {
    assertRefused(Draft::inactive, "Không phải đoàn viên đang sinh hoạt");
  }

  @Test
  void lowerSecondaryEducationIsEnough() {
    assertAccepted(d -> d.education(Education.LOWER_SECONDARY));
  }

  @Test
  void primaryEducationIsRefused() {
    assertRefused(d -> d.education(Education.PRIMARY), "dưới trung học cơ sở");
  }

  @Test
  void ratedGoodLastYearIsEnough() {
    assertAccepted(d -> d.rated(Rating.GOOD, today().getYear() - 1));
  }

  @Test
  void ratedOnlyCompletedIsRefused() {
    assertRefused(d -> d.rated(Rating.COMPLETED, today().getYear() - 1), "không được xếp loại hoàn thành xuất sắc");
  }

  @Test
  void aRatingOlderThanLastYearIsRefused() {
    assertRefused(d -> d.rated(Rating.EXCELLENT, today().getYear() - 2), "Chưa có xếp loại của năm trước");
  }

  @Test
  void everyFailedRuleIsListedAtOnce() {
    String member = members.register(d -> d.inactive().education(Education.PRIMARY)
        .rated(Rating.NOT_COMPLETED, today().getYear() - 1));

    assertThatThrownBy(() -> pipeline.nominate(member))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContainingAll("Không phải đoàn viên đang sinh hoạt", "dưới trung học cơ sở",
            "không được xếp loại hoàn thành xuất sắc");
    assertNothingStoredFor(member);
  }

  @Test
  void aMemberNotInTheRegistryIsRefused() {
    assertThatThrownBy(() -> pipeline.nominate("KHONG-CO"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Không tìm thấy đoàn viên có mã KHONG-CO");
    assertNothingStoredFor("KHONG-CO");
  }

  @Test
  void onlyTheSecretaryOfTheMembersBranchNominates() {
    String member = members.eligible();

    assertThatThrownBy(() -> pipeline.nominateAs("secretary2", member))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Chỉ Bí thư chi đoàn KTNN-01 mới được đề cử");
    assertNothingStoredFor(member);
    ProcessInstance nominated = pipeline.nominateAs("secretary", member);
    Candidacy candidacy = candidacies.findByOpenMemberCode(member).orElseThrow();
    assertThat(candidacy.getBranchCode()).isEqualTo("KTNN-01");
    assertThat(candidacy.getNominatedBy()).isEqualTo("secretary");
    assertThat(nominated.getBusinessKey()).isEqualTo(candidacy.getId().toString());
    assertThat(runtime.createExecutionQuery().processInstanceId(nominated.getId()).activityId("recordBranchVote")
        .count()).as("waiting at the branch's vote").isEqualTo(1);
  }

  private void assertAccepted(UnaryOperator<Draft> change) {
    String member = members.register(change);

    assertThat(pipeline.nominate(member).getBusinessKey()).isNotBlank();
    assertThat(candidacies.findByOpenMemberCode(member)).isPresent();
  }

  private void assertRefused(UnaryOperator<Draft> change, String reason) {
    String member = members.register(change);

    assertThatThrownBy(() -> pipeline.nominate(member))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("Không thể đề cử đoàn viên")
        .hasMessageContaining(reason);
    assertNothingStoredFor(member);
  }

  private void assertNothingStoredFor(String member) {
    assertThat(candidacies.findAll()).noneMatch(c -> c.getMemberCode().equals(member));
    assertThat(history.createHistoricVariableInstanceQuery().variableName("memberCode").list())
        .noneMatch(v -> member.equals(v.getValue()));
  }

  private LocalDate today() {
    return members.today();
  }
}
