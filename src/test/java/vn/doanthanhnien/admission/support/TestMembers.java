package vn.doanthanhnien.admission.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.springframework.boot.test.context.TestComponent;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.member.Education;
import vn.doanthanhnien.admission.member.Gender;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberRepository;
import vn.doanthanhnien.admission.member.Rating;

/** Registers a fresh member per test (the shared database outlives each test), eligible unless a test changes it. */
@TestComponent
public class TestMembers {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final MemberRepository members;
  private final BusinessClock clock;

  public TestMembers(MemberRepository members, BusinessClock clock) {
    this.members = members;
    this.clock = clock;
  }

  /** The values of an eligible member of branch KTNN-01 without an awareness certificate. */
  public record Draft(String code, String branchCode, LocalDate birthDate, boolean active, Education education,
      Rating rating, int ratingYear, LocalDate certificateDate) {

    public Draft born(LocalDate date) {
      return new Draft(code, branchCode, date, active, education, rating, ratingYear, certificateDate);
    }

    public Draft inactive() {
      return new Draft(code, branchCode, birthDate, false, education, rating, ratingYear, certificateDate);
    }

    public Draft education(Education level) {
      return new Draft(code, branchCode, birthDate, active, level, rating, ratingYear, certificateDate);
    }

    public Draft rated(Rating value, int year) {
      return new Draft(code, branchCode, birthDate, active, education, value, year, certificateDate);
    }

    public Draft certificate(LocalDate date) {
      return new Draft(code, branchCode, birthDate, active, education, rating, ratingYear, date);
    }

    public Draft branch(String branch) {
      return new Draft(code, branch, birthDate, active, education, rating, ratingYear, certificateDate);
    }
  }

  /** The full name every test member is registered with. */
  public static String nameOf(String memberCode) {
    return "Nguyễn Văn Thử " + memberCode;
  }

  public String eligible() {
    return register(d -> d);
  }

  public String register(UnaryOperator<Draft> change) {
    LocalDate today = clock.today();
    Draft d = change.apply(new Draft("T" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000, "KTNN-01",
        today.minusYears(22), true, Education.UNIVERSITY, Rating.EXCELLENT, today.getYear() - 1, null));
    members.save(new Member(d.code(), nameOf(d.code()), d.birthDate(), Gender.MALE, d.branchCode(),
        d.birthDate().plusYears(16), d.active(), d.education(), d.rating(), d.ratingYear(), d.certificateDate()));
    return d.code();
  }

  public LocalDate today() {
    return clock.today();
  }
}
