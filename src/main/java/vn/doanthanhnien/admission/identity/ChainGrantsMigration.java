package vn.doanthanhnien.admission.identity;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.ProbationProcess;

/**
 * Replaces, once, the grants versions before {@link CandidacyAuthorizations#grantToUnitsOf} granted to a candidacy's
 * five unit groups, on each admission and probation instance and on its history, with one grant each to the branch's
 * chain: at the first start after migration V34, which leaves a row in {@code pending_backfill}. The branch is the one
 * whose secretaries' group held the old grant; the new grant keeps that grant's permissions and removal time. Two
 * statements in one transaction, under the cluster's start-up lock; of two nodes, the second finds the row gone.
 * Meetings' grants (every role group of the unit that met) are on other processes and stay.
 */
@Component
public class ChainGrantsMigration {

  static final String NAME = "chain_grants";
  private static final Logger LOG = LoggerFactory.getLogger(ChainGrantsMigration.class);
  private static final String CANDIDACY_INSTANCES = "select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ in ('"
      + PartyAdmissionProcess.KEY + "', '" + ProbationProcess.KEY + "')";

  private final JdbcTemplate jdbc;

  public ChainGrantsMigration(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void runIfPending() {
    if (jdbc.update("delete from pending_backfill where name = ?", NAME) == 0) {
      return;
    }
    long start = System.nanoTime();
    int instance = Resources.PROCESS_INSTANCE.resourceType();
    int history = Resources.HISTORIC_PROCESS_INSTANCE.resourceType();
    String secretaries = Roles.BRANCH_SECRETARY.groupOf("");
    int added = jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_,"
        + " RESOURCE_ID_, PERMS_, REMOVAL_TIME_, ROOT_PROC_INST_ID_)"
        + " select case when RESOURCE_TYPE_ = ? then 'chain-pi-' else 'chain-hpi-' end || RESOURCE_ID_, 1, TYPE_,"
        + " ? || substring(GROUP_ID_, ?), RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, REMOVAL_TIME_, ROOT_PROC_INST_ID_"
        + " from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (?, ?) and GROUP_ID_ like ?"
        + " and RESOURCE_ID_ in (" + CANDIDACY_INSTANCES + ")",
        instance, CandidacyAuthorizations.CHAIN_PREFIX, secretaries.length() + 1, instance, history,
        secretaries + "%");
    String unitGroups = Arrays.stream(Roles.values()).map(role -> "GROUP_ID_ like '" + role.groupOf("") + "%'")
        .collect(Collectors.joining(" or "));
    int removed = jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (?, ?) and (" + unitGroups
        + ") and RESOURCE_ID_ in (" + CANDIDACY_INSTANCES + ")", instance, history);
    LOG.info("Candidacies' grants by branch chain: {} added, {} unit groups' grants removed, in {} ms", added, removed,
        (System.nanoTime() - start) / 1_000_000);
  }
}
