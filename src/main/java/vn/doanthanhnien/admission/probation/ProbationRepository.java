package vn.doanthanhnien.admission.probation;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProbationRepository extends JpaRepository<Probation, Long> {
}
