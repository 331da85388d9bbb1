package vn.doanthanhnien.admission.pool;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberRepository;
import vn.doanthanhnien.admission.member.Mentor;
import vn.doanthanhnien.admission.member.MentorRepository;
import vn.doanthanhnien.admission.member.Rating;
import vn.doanthanhnien.admission.nomination.EligibilityRules;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * The pool of a unit ("nguồn phát triển đảng viên"): the members of its branches who meet the nomination rules now,
 * those who will within the year, and among the first those who reach the Youth Union's age limit within twelve
 * months. The rules are the nomination's own table ({@link EligibilityRules}), evaluated at other dates: at the end of
 * the year for "within the year", at the age twelve months on for "ages out". Members with an open candidacy or an
 * admission are not in the pool.
 */
@Service
@Transactional(readOnly = true)
public class PoolService {

  /** Branches per query: an {@code in} list well below every database's limit. */
  private static final int BRANCHES_PER_QUERY = 500;
  private static final int MONTHS_AHEAD = 12;

  private final MemberRepository members;
  private final MentorRepository mentors;
  private final EligibilityRules rules;
  private final UnitService units;
  private final UserScope scope;
  private final BusinessClock clock;
  private final EntityManager entityManager;

  public PoolService(MemberRepository members, MentorRepository mentors, EligibilityRules rules, UnitService units,
      UserScope scope, BusinessClock clock, EntityManager entityManager) {
    this.members = members;
    this.mentors = mentors;
    this.rules = rules;
    this.units = units;
    this.scope = scope;
    this.clock = clock;
    this.entityManager = entityManager;
  }

  public enum When {
    /** Meets every rule on the day the pool is worked out. */
    NOW,
    /** Meets them on a later day of the year (turns 18): {@link Candidate#eligibleFrom}. */
    WITHIN_YEAR
  }

  /**
   * @param eligibleFrom for {@link When#WITHIN_YEAR}: the first day of the month from which the member meets the rules
   * @param agingOut meets the rules now but no longer within twelve months: to nominate before it is too late
   * @param eligibleUntil for one aging out: the last day of the last month the member meets the rules
   * @param notYet for {@link When#WITHIN_YEAR}: what the member fails today
   */
  public record Candidate(String memberCode, String fullName, LocalDate birthDate, String branchCode, When when,
      LocalDate eligibleFrom, boolean agingOut, LocalDate eligibleUntil, List<String> notYet,
      Rating previousYearRating, String mentorName, LocalDate mentorOfficialSince) {
  }

  /** @param members the members of the unit's branches the rules were evaluated for */
  public record Pool(String unitCode, String unitName, int year, LocalDate asOf, int members, long eligibleNow,
      long eligibleWithinYear, long agingOut, List<Candidate> candidates) {
  }

  /**
   * The pool of {@code unitCode} for {@code year}: this year's as of today, or next year's as of its first day (for
   * planning at the year's end, with this year's ratings recorded).
   */
  public Pool of(String unitCode, Integer year) {
    OrgUnit unit = units.get(unitCode);
    scope.requireUnit(unitCode);
    LocalDate today = clock.today();
    int thisYear = today.getYear();
    int poolYear = year == null ? thisYear : year;
    if (poolYear != thisYear && poolYear != thisYear + 1) {
      throw new InvalidInputException("Không thể xem nguồn phát triển đảng viên năm " + poolYear, List.of(
          "Chỉ xem được nguồn của năm nay (" + thisYear + ") hoặc năm sau (" + (thisYear + 1) + ")."));
    }
    LocalDate asOf = poolYear == thisYear ? today : LocalDate.of(poolYear, 1, 1);
    LocalDate yearEnd = LocalDate.of(poolYear, 12, 31);

    List<String> branches = new ArrayList<>(units.branchesUnder(unitCode));
    List<Member> all = new ArrayList<>();
    Map<String, Map<Integer, Rating>> ratings = new HashMap<>();
    Set<String> excluded = new HashSet<>();
    Map<String, Mentor> mentorOf = new HashMap<>();
    List<Integer> years = List.of(poolYear - 1, poolYear - 2);
    for (List<String> chunk : chunks(branches)) {
      all.addAll(members.findByBranchCodeIn(chunk));
      members.findRatingsOfBranches(chunk, years).forEach(row -> ratings
          .computeIfAbsent((String) row[0], c -> new HashMap<>())
          .put(((Number) row[1]).intValue(), Rating.valueOf((String) row[2])));
      excluded.addAll(nominatedOrAdmitted(chunk));
      mentors.findOfBranches(chunk).forEach(m -> mentorOf.put(m.getMemberCode(), m));
    }

    EligibilityRules.Batch batch = rules.batch();
    List<Candidate> candidates = new ArrayList<>();
    for (Member member : all) {
      if (excluded.contains(member.getCode())) {
        continue;
      }
      Map<Integer, Rating> own = ratings.getOrDefault(member.getCode(), Map.of());
      IntFunction<Optional<Rating>> ratingOf = y -> Optional.ofNullable(own.get(y));
      Function<LocalDate, List<String>> refusalsAt = day -> batch.refusals(member, ratingOf, asOf, day);
      List<String> now = refusalsAt.apply(asOf);
      Mentor mentor = mentorOf.get(member.getCode());
      if (now.isEmpty()) {
        Optional<LocalDate> lastMonth = refusalsAt.apply(asOf.plusMonths(MONTHS_AHEAD)).isEmpty() ? Optional.empty()
            : firstMonthAfter(asOf, day -> !refusalsAt.apply(day).isEmpty()).map(m -> m.minusMonths(1).atEndOfMonth());
        candidates.add(candidate(member, When.NOW, null, lastMonth.orElse(null), List.of(), ratingOf, poolYear, mentor));
      } else if (batch.refusals(member, ratingOf, asOf, yearEnd).isEmpty()) {
        LocalDate from = firstMonthAfter(asOf, day -> refusalsAt.apply(day).isEmpty()).map(m -> m.atDay(1))
            .orElse(yearEnd);
        candidates.add(candidate(member, When.WITHIN_YEAR, from, null, now, ratingOf, poolYear, mentor));
      }
    }
    // Per branch, the most urgent first: those aging out soonest, then the others, then by when they become eligible.
    Comparator<LocalDate> soonest = Comparator.nullsLast(Comparator.naturalOrder());
    candidates.sort(Comparator.comparing(Candidate::branchCode).thenComparing(Candidate::when)
        .thenComparing(Candidate::eligibleUntil, soonest).thenComparing(Candidate::eligibleFrom, soonest)
        .thenComparing(Candidate::fullName).thenComparing(Candidate::memberCode));
    return new Pool(unit.getCode(), unit.getName(), poolYear, asOf, all.size() - excluded.size(),
        candidates.stream().filter(c -> c.when() == When.NOW).count(),
        candidates.stream().filter(c -> c.when() == When.WITHIN_YEAR).count(),
        candidates.stream().filter(Candidate::agingOut).count(), candidates);
  }

  private static Candidate candidate(Member m, When when, LocalDate from, LocalDate until, List<String> notYet,
      IntFunction<Optional<Rating>> ratingOf, int year, Mentor mentor) {
    return new Candidate(m.getCode(), m.getFullName(), m.getBirthDate(), m.getBranchCode(), when, from, until != null,
        until, notYet, ratingOf.apply(year - 1).orElse(null), mentor == null ? null : mentor.getMentorName(),
        mentor == null ? null : mentor.getMentorOfficialSince());
  }

  /** The first month after {@code asOf}'s, up to twelve months on, on whose first day {@code holds}. */
  private static Optional<YearMonth> firstMonthAfter(LocalDate asOf, Predicate<LocalDate> holds) {
    YearMonth start = YearMonth.from(asOf);
    for (int k = 1; k <= MONTHS_AHEAD; k++) {
      if (holds.test(start.plusMonths(k).atDay(1))) {
        return Optional.of(start.plusMonths(k));
      }
    }
    return Optional.empty();
  }

  /** Members with an open candidacy, or admitted: nominated already. */
  private Collection<String> nominatedOrAdmitted(List<String> branches) {
    return entityManager.createQuery("select distinct c.memberCode from " + Candidacy.class.getSimpleName()
            + " c where c.status in :statuses and c.memberCode in"
            + " (select m.code from Member m where m.branchCode in :branches)", String.class)
        .setParameter("statuses", List.of(CandidacyStatus.IN_PROGRESS, CandidacyStatus.ADMITTED))
        .setParameter("branches", branches)
        .getResultList();
  }

  private static List<List<String>> chunks(List<String> all) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += BRANCHES_PER_QUERY) {
      chunks.add(all.subList(from, Math.min(all.size(), from + BRANCHES_PER_QUERY)));
    }
    return chunks;
  }
}
