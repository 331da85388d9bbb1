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
}
