package vn.doanthanhnien.admission.report;

import org.springframework.data.jpa.repository.JpaRepository;

public interface QuotaRepository extends JpaRepository<Quota, Quota.Key> {
}
