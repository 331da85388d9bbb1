package vn.doanthanhnien.admission.candidacy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidacyEventRepository extends JpaRepository<CandidacyEvent, Long> {

  Optional<CandidacyEvent> findFirstByCandidacyIdAndActionOrderByIdDesc(Long candidacyId, TimelineAction action);

  List<CandidacyEvent> findByCandidacyIdOrderByOccurredAtAscIdAsc(Long candidacyId);
}
