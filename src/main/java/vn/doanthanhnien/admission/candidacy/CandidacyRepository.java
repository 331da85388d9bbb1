package vn.doanthanhnien.admission.candidacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CandidacyRepository extends JpaRepository<Candidacy, Long> {

  Optional<Candidacy> findByOpenMemberCode(String memberCode);

  List<Candidacy> findByBranchCodeOrderByIdDesc(String branchCode);

  List<Candidacy> findByYouthUnitCodeAndIntroducedOnBetweenOrderByBranchCodeAscIdAsc(String youthUnitCode,
      LocalDate from, LocalDate to);

  /** Open candidacies of one stage, and how many of them are past their due date. */
  interface OpenAtStage {
    String getStage();

    long getOpenCount();

    long getOverdueCount();
  }

  /** The open candidacies by stage, with the overdue ones, in one grouped query (for the metrics). */
  @Query("select c.stage as stage, count(c) as openCount,"
      + " sum(case when c.dueAt < :now then 1 else 0 end) as overdueCount"
      + " from Candidacy c where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
      + " group by c.stage")
  List<OpenAtStage> countOpenByStage(@Param("now") Instant now);

  /** Candidacies nominated in [start, end) and admitted (decision dated) from {@code from} to {@code to}. */
  interface YearCounts {
    Long getNominated();

    Long getAdmitted();
  }

  @Query("select sum(case when c.nominatedAt >= :start and c.nominatedAt < :end then 1 else 0 end) as nominated,"
      + " sum(case when c.admittedOn between :from and :to then 1 else 0 end) as admitted"
      + " from Candidacy c where c.nominatedAt >= :start and c.nominatedAt < :end or c.admittedOn between :from and :to")
  YearCounts countOfYear(@Param("start") Instant start, @Param("end") Instant end, @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
