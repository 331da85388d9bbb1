package vn.doanthanhnien.admission.deadline;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadlineNoticeRepository extends JpaRepository<DeadlineNotice, String> {

  List<DeadlineNotice> findByCandidacyIdOrderBySentAt(Long candidacyId);
}
