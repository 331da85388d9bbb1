package vn.doanthanhnien.admission.stall;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import vn.doanthanhnien.admission.candidacy.Candidacy;

/**
 * The candidacies in progress at a stage that entered it before an instant, by branch ({@code [branchCode, count]}),
 * answered from the index on (status, stage, stage_entered_at, branch_code).
 */
public interface StallQueries extends Repository<Candidacy, Long> {

  String WAITING = "select c.branchCode, count(c) from Candidacy c"
      + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
      + " and c.stage = :stage and c.stageEnteredAt < :before";

  @Query(WAITING + " and c.branchCode in :branches group by c.branchCode")
  List<Object[]> waitingSince(@Param("stage") String stage, @Param("before") Instant before,
      @Param("branches") Collection<String> branches);

  /** The same for every branch, for a unit with many branches (as the yearly report does). */
  @Query(WAITING + " group by c.branchCode")
  List<Object[]> waitingSince(@Param("stage") String stage, @Param("before") Instant before);
}
