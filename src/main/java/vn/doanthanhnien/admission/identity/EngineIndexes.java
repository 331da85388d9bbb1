package vn.doanthanhnien.admission.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables, on PostgreSQL, that Camunda's schema lacks.
 *
 * <p>Two for Tasklist's list of a unit's unclaimed tasks and its count ({@code ${currentUserGroups()}}, read without
 * the authorization join, {@link AuthorizedGroupsPlugin}): the engine reads the group's candidate links and then every
 * linked task to keep those without an assignee. With the links' (group, type, task) and the tasks' id with their
 * assignee in one index each, a count by the sorting alone reads only indexes: for a unit offered 3,638 tasks it took
 * 30–34 ms without them and 11–21 ms with them, the first page 34–38 and 20–30 ms (docs/performance.md, change 14).
 * Tasklist's own request also asks for active tasks only: the tasks' index holds their suspension state too, so that
 * its count reads no task row either (change 16; the index of change 14 without it is dropped).
 *
 * <p>One for every task the engine completes or deletes: it first looks for the task's subtasks
 * ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), a column Camunda does not index (camunda/camunda
 * issue 36824), so each officer's submission read every open task: 13 ms at 100,000 open tasks, against 0.03 ms with
 * the index (change 19). The product makes no subtasks, so the index holds only rows that have a parent: it stays
 * empty, and a task inserted without one does not touch it. PostgreSQL uses it for {@code PARENT_TASK_ID_ = ?} with
 * any value, since the equality implies the value is not null.
 *
 * <p>Not in a Flyway migration: the engine creates its tables after Flyway has run, so on a fresh database they do
 * not exist yet. Here they do: the engine has run its schema step before this plugin's {@code postProcessEngineBuild}.
 * {@code if not exists} makes each statement a no-op once the index is there; a node starts under the cluster's
 * start-up lock, so two nodes do not build them at once. Building holds writes to the table while it lasts (under half
 * a second each at 100,000 open tasks), once, on the first start after the upgrade. H2 gets none of them: it answers
 * these lists from memory within the target; its submissions at national volume were not measured.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  /** The subtasks of a task, looked for at each completion: only tasks with a parent are in it. */
  public static final String SUBTASKS = "create index if not exists ADM_IDX_TASK_PARENT"
      + " on ACT_RU_TASK (PARENT_TASK_ID_) where PARENT_TASK_ID_ is not null";

  static final List<String> POSTGRESQL = List.of(
      "create index if not exists ADM_IDX_IDENT_LNK_CANDIDATE on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)",
      "create index if not exists ADM_IDX_TASK_UNASSIGNED_BY_ID on ACT_RU_TASK (ID_) include (ASSIGNEE_, "
          + "SUSPENSION_STATE_)",
      // change 14's index without the suspension state, replaced by the one above
      "drop index if exists ADM_IDX_TASK_ASSIGNEE_BY_ID",
      SUBTASKS);
  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String index : POSTGRESQL) {
        statement.execute(index);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the application's indexes on the engine's tables", e);
    }
    LOG.info("Indexes of the task lists and of the subtask look-up on ACT_RU_IDENTITYLINK and ACT_RU_TASK in place");
  }
}
