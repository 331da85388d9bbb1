package vn.doanthanhnien.admission.member;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.doanthanhnien.admission.common.RuleTables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;

/**
 * The Party awareness class certificate. Its validity period lives in the DMN table {@code awarenessCertificateValidity};
 * the model's business rule task calls {@link #ageInMonths} by the bean name {@code awarenessCertificates}.
 */
@Component("awarenessCertificates")
public class AwarenessCertificates {

  public static final String DECISION = "awarenessCertificateValidity";

  private final MemberRepository members;
  private final RuleTables decisions;
  private final BusinessClock clock;

  public AwarenessCertificates(MemberRepository members, RuleTables decisions, BusinessClock clock) {
    this.members = members;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** Whole months since the member's certificate was issued, or null when the member has none. */
  @Transactional(readOnly = true)
  public Integer ageInMonths(String memberCode) {
    LocalDate issued = members.findById(memberCode).map(Member::getAwarenessCertificateDate).orElse(null);
    return issued == null ? null : (int) ChronoUnit.MONTHS.between(issued, clock.today());
  }

  public boolean isValid(LocalDate issued) {
    Integer age = issued == null ? null : (int) ChronoUnit.MONTHS.between(issued, clock.today());
    Boolean valid = decisions.evaluate(DECISION,
        Variables.createVariables().putValue("certificateAgeMonths", age)).getSingleEntry();
    return Boolean.TRUE.equals(valid);
  }

  @Transactional
  public void renew(String memberCode, LocalDate issued) {
    members.findById(memberCode).orElseThrow().renewAwarenessCertificate(issued);
  }
}
