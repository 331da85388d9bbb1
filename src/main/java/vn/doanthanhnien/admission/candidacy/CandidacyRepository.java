package vn.doanthanhnien.admission.candidacy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidacyRepository extends JpaRepository<Candidacy, Long> {

  Optional<Candidacy> findByOpenMemberCode(String memberCode);

  List<Candidacy> findByBranchCodeOrderByIdDesc(String branchCode);
}
