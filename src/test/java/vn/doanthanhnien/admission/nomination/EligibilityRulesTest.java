package vn.doanthanhnien.admission.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

  @Test
  void ageCountsTheMonthOfBirthAsAWholeMonth() {
    LocalDate today = LocalDate.of(2026, 3, 1);

    assertThat(EligibilityRules.ageInWholeMonths(LocalDate.of(2008, 3, 31), today)).isEqualTo(216);
    assertThat(EligibilityRules.ageInWholeMonths(LocalDate.of(2008, 4, 1), today)).isEqualTo(215);
    assertThat(EligibilityRules.ageInWholeMonths(LocalDate.of(1995, 3, 15), today)).isEqualTo(372);
  }
}
