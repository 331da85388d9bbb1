package vn.doanthanhnien.admission.member;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MentorRepository extends JpaRepository<Mentor, String> {

  /** The mentors of the members of these branches, in one query. */
  @Query("select t from Mentor t, Member m where t.memberCode = m.code and m.branchCode in :branches")
  List<Mentor> findOfBranches(@Param("branches") Collection<String> branchCodes);
}
