package vn.doanthanhnien.admission.identity;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes, once, the grants on tasks' history that versions before {@link TaskGrantsWithoutHistory} made: at the
 * first start after migration V32, which leaves a row in {@code pending_backfill}. One statement in one transaction,
 * under the cluster's start-up lock; of two nodes, the second finds the row gone. Nothing reads these rows any more
 * except the history checks, which the candidacy's grant on its historic process instance answers for its units.
 */
@Component
public class HistoricTaskGrantsRemoval {

  static final String NAME = "historic_task_grants";
  private static final Logger LOG = LoggerFactory.getLogger(HistoricTaskGrantsRemoval.class);

  private final JdbcTemplate jdbc;

  public HistoricTaskGrantsRemoval(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void runIfPending() {
    if (jdbc.update("delete from pending_backfill where name = ?", NAME) == 0) {
      return;
    }
    // One task's each; grants on every task's history ('*', the administrators') stay.
    int removed = jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ? and RESOURCE_ID_ <> ?",
        Resources.HISTORIC_TASK.resourceType(), Authorization.ANY);
    LOG.info("{} grants on tasks' history removed (the candidacy's grant on its history covers its units)", removed);
  }
}
