package vn.doanthanhnien.admission.member;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository extends JpaRepository<Member, String> {

  List<Member> findByBranchCodeOrderByCode(String branchCode);

  /** Which of these codes are registered already, in one query. */
  @Query("select m.code from Member m where m.code in :codes")
  List<String> findCodesIn(@Param("codes") Collection<String> codes);

  List<Member> findByBranchCodeIn(Collection<String> branchCodes);

  /** A year's rating of the members of these branches: member code, year, rating. */
  @Query(value = "select r.member_code, r.rating_year, r.rating from member_rating r join member m"
      + " on m.code = r.member_code where m.branch_code in (:branches) and r.rating_year in (:years)",
      nativeQuery = true)
  List<Object[]> findRatingsOfBranches(@Param("branches") Collection<String> branchCodes,
      @Param("years") Collection<Integer> years);
}
