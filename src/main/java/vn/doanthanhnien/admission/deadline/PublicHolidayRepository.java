package vn.doanthanhnien.admission.deadline;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PublicHolidayRepository extends JpaRepository<PublicHoliday, LocalDate> {

  List<PublicHoliday> findByDateBetweenOrderByDate(LocalDate from, LocalDate to);
}
