package vn.doanthanhnien.admission.report;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuotaRepository extends JpaRepository<Quota, Quota.Key> {

  List<Quota> findByYear(int year);
}
