package vn.doanthanhnien.admission.handover;

import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverRepository extends JpaRepository<Handover, Long> {
}
