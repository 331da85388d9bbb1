package vn.doanthanhnien.admission.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.unit.UnitService;
import vn.doanthanhnien.admission.unit.UnitTree;

/**
 * Authorization checks with the signed-in user's groups as they are, and for each unit group the id of its role's
 * grants held once for every unit ({@link Roles#everyUnit}) and, in checks of a process instance or its history, the
 * chain of every branch the unit answers for ({@link CandidacyAuthorizations#chainOf}, from the unit tree as it is at
 * that command); and Tasklist's lists of a user's candidate groups and of the user's own tasks read without a grant
 * per task ({@link #grantedByTheirLinks}). Before each check the engine narrows the user's groups to those holding
 * some authorization, and to know those it reads the distinct group of every row of {@code ACT_RU_AUTHORIZATION},
 * once per command: a scan of the whole table, which grows with the candidacies (two grants on each instance and its
 * history, one on every open task). A group without any authorization matches nothing in the checks either, so the
 * answer is the same without the narrowing (docs/performance.md). The role's grants held once instead of by each of thousands of unit groups leave a
 * handful of rows on a process key and on {@code '*'}, which a task query's authorization join reads for every task
 * it lists.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  private volatile boolean taskListsByLink;
  private final ObjectProvider<UnitService> units;

  public AuthorizedGroupsPlugin(
      @Value("${admission.authorization.task-lists-by-link:true}") boolean taskListsByLink,
      ObjectProvider<UnitService> units) {
    this.taskListsByLink = taskListsByLink;
    this.units = units;
  }

  /**
   * Whether a task query that {@link #grantedByTheirLinks} skips the engine's authorization join. The property
   * {@code admission.authorization.task-lists-by-link} sets it at start-up (true by default); the volume check turns
   * it off and on again to measure both ways in one run.
   */
  public void taskListsByLink(boolean enabled) {
    taskListsByLink = enabled;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsTheyAre(AuthorizedGroupsPlugin.this);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /**
   * One per engine command. The branches' chains are added to the user's groups only where a grant to a chain can
   * match: checks and queries of a process instance or its history ({@link #onCandidacy}). Everywhere else (Tasklist's
   * lists, process definitions, users, groups) a superior committee's officers would carry a thousand ids for nothing,
   * and the unit tree is not read.
   */
  static final class GroupsAsTheyAre extends AuthorizationManager {

    private final AuthorizedGroupsPlugin plugin;
    /** Set while {@link #isAuthorized} checks a permission on a process instance or its history. */
    private boolean checkingCandidacy;
    /** The last answer with the chains, for the next such check of the same command. */
    private List<String> lastAsked;
    private List<String> lastAnswer;

    GroupsAsTheyAre(AuthorizedGroupsPlugin plugin) {
      this.plugin = plugin;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return checkingCandidacy ? withChains(authenticatedGroupIds) : withWhatTheirRolesCover(authenticatedGroupIds, null);
    }

    private List<String> withChains(List<String> groupIds) {
      if (lastAsked == null || !lastAsked.equals(groupIds)) {
        lastAnswer = withWhatTheirRolesCover(groupIds, () -> plugin.units.getObject().tree());
        lastAsked = groupIds == null ? null : new ArrayList<>(groupIds);
      }
      return lastAnswer;
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
      return checking(onCandidacy(List.of(check)), () -> super.isAuthorized(userId, groupIds, check));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
      return checking(onCandidacy(check.getAllPermissionChecks()), () -> super.isAuthorized(userId, groupIds, check));
    }

    private boolean checking(boolean candidacy, BooleanSupplier check) {
      boolean before = checkingCandidacy;
      checkingCandidacy = candidacy;
      try {
        return check.getAsBoolean();
      } finally {
        checkingCandidacy = before;
      }
    }

    /** A query's permissions are added after its groups were set: the chains follow if they can matter. */
    @Override
    protected void addPermissionCheck(AuthorizationCheck authCheck, CompositePermissionCheck check) {
      super.addPermissionCheck(authCheck, check);
      withChainsIfOnCandidacy(authCheck);
    }

    @Override
    public void configureActivityStatisticsQuery(ActivityStatisticsQueryImpl query) {
      super.configureActivityStatisticsQuery(query);
      withChainsIfOnCandidacy(query.getAuthCheck());
    }

    private void withChainsIfOnCandidacy(AuthorizationCheck authCheck) {
      List<String> groupIds = authCheck.getAuthGroupIds();
      if (authCheck.isAuthorizationCheckEnabled() && groupIds != null && !groupIds.isEmpty()
          && onCandidacy(authCheck.getPermissionChecks().getAllPermissionChecks())) {
        authCheck.setAuthGroupIds(withChains(groupIds));
      }
    }

    /**
     * A query of the variables of named instances, executions or tasks (Tasklist's list asks for the variables of the
     * 15 tasks it shows): only the chains of those instances' branches can match, and the others go. An officer of a
     * superior committee would otherwise send a thousand chain ids, one bound parameter each, for the variables of a
     * page (docs/performance.md, change 16). Fewer group ids never let anyone read more.
     */
    @Override
    protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
      super.configureVariableInstanceQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      List<String> groupIds = check.getAuthGroupIds();
      if (!check.isAuthorizationCheckEnabled() || groupIds == null) {
        return;
      }
      List<String> named = namedScopes(query.getProcessInstanceIds(), query.getExecutionIds(), query.getTaskIds(),
          query.getVariableScopeIds());
      // Looking the chains up costs a statement: worth it only when they outnumber the ids that find them (a branch
      // secretary carries one chain; a superior committee's officer a thousand).
      if (named == null || groupIds.stream().filter(AuthorizedGroupsPlugin::isChain).count() <= named.size()) {
        return;
      }
      Set<String> theirs = chainsGrantedTheInstancesOf(named);
      check.setAuthGroupIds(groupIds.stream().filter(id -> !isChain(id) || theirs.contains(id)).toList());
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (plugin.taskListsByLink && check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
          && grantedByTheirLinks(query, getCurrentAuthentication())) {
        check.setAuthorizationCheckEnabled(false);
      }
    }
  }

  /**
   * Whether every task the query can list is one the signed-in user may read through the very link the query selects
   * it by, so that the engine's authorization join would keep every row: the tasks of some of the user's own
   * candidate groups (Tasklist's "Việc của đơn vị tôi", {@code ${currentUserGroups()}}), or the tasks assigned to the
   * user ("Việc của tôi"). When the engine adds a candidate group or an assignee to a task it grants that group or
   * user READ and TASK_WORK on the task (its default task permissions), and nothing here takes such a grant away or
   * revokes one ({@code authorization-check-revokes: never}). The join costs one probe of
   * {@code ACT_RU_AUTHORIZATION} per matching task, which for an officer of a unit above thousands of branches is
   * most of the list's time (docs/performance.md); without it the list is the identity links' index. An {@code or}
   * query, a candidate user, a group pattern, or a group the user is not in keep the engine's check.
   */
  static boolean grantedByTheirLinks(TaskQueryImpl query, Authentication user) {
    if (user == null || user.getUserId() == null || query.getQueries().size() != 1) {
      return false;
    }
    if (user.getUserId().equals(query.getAssignee())) {
      return true;
    }
    if (query.getCandidateUser() != null || query.getCandidateGroupLike() != null) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty() && user.getGroupIds() != null
        && user.getGroupIds().containsAll(groups);
  }

  /**
   * The groups, and after them the role-wide id of each role one of them holds in a unit, and the chain of every
   * branch that unit answers for: the branch itself for its secretaries, the branches below a grassroots unit, those
   * attached to a Party cell, to the cells of a Party committee or of the committees below a superior committee. A
   * group whose unit is not of its role's kind covers no branch. The derived ids ({@code every.}, {@code chain.}) count
   * only when derived here: membership of a group of that name, made by hand, is ignored. Without a tree, no chains;
   * the tree is read only for a role above a branch.
   */
  static List<String> withWhatTheirRolesCover(List<String> groupIds, Supplier<UnitTree> tree) {
    if (groupIds == null || groupIds.isEmpty()) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    UnitTree units = null;
    for (String groupId : groupIds) {
      if (groupId == null || isDerived(groupId)) {
        continue;
      }
      ids.add(groupId);
      Roles.InUnit inUnit = Roles.ofGroup(groupId).orElse(null);
      if (inUnit == null) {
        continue;
      }
      ids.add(inUnit.role().everyUnit());
      if (tree == null) {
        continue;
      }
      if (inUnit.role() == Roles.BRANCH_SECRETARY) {
        ids.add(CandidacyAuthorizations.chainOf(inUnit.unitCode()));
        continue;
      }
      if (units == null) {
        units = tree.get();
      }
      if (units.kindOf(inUnit.unitCode()).filter(kind -> kind == inUnit.role().unitKind()).isPresent()) {
        units.branchesUnder(inUnit.unitCode()).forEach(branch -> ids.add(CandidacyAuthorizations.chainOf(branch)));
      }
    }
    return new ArrayList<>(ids);
  }

  /** At most this many named ids narrow a variable query's chains; a longer list keeps them all. */
  static final int MOST_NAMED_SCOPES = 200;

  /**
   * The ids a variable query names (instances, executions, tasks, variable scopes), or null when it names none or
   * more than {@link #MOST_NAMED_SCOPES}. The query's conditions are joined by "and": every variable it returns
   * belongs to the instance of one of these ids.
   */
  static List<String> namedScopes(String[]... idLists) {
    Set<String> ids = new LinkedHashSet<>();
    for (String[] list : idLists) {
      if (list != null) {
        for (String id : list) {
          if (id != null) {
            ids.add(id);
          }
        }
      }
    }
    return ids.isEmpty() || ids.size() > MOST_NAMED_SCOPES ? null : new ArrayList<>(ids);
  }

  /**
   * The chains granted on the instances of these executions or tasks (an instance's id is its root execution's), read
   * on the command's own connection, so that an instance started in the same command counts.
   */
  static Set<String> chainsGrantedTheInstancesOf(List<String> executionOrTaskIds) {
    String marks = String.join(", ", Collections.nCopies(executionOrTaskIds.size(), "?"));
    String sql = "select distinct A.GROUP_ID_ from ACT_RU_AUTHORIZATION A where A.RESOURCE_TYPE_ = ? and "
        + "A.GROUP_ID_ like ? and A.RESOURCE_ID_ in (select E.PROC_INST_ID_ from ACT_RU_EXECUTION E where E.ID_ in ("
        + marks + ") union all select T.PROC_INST_ID_ from ACT_RU_TASK T where T.ID_ in (" + marks + "))";
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      statement.setInt(index++, Resources.PROCESS_INSTANCE.resourceType());
      statement.setString(index++, CandidacyAuthorizations.CHAIN_PREFIX + "%");
      for (int copy = 0; copy < 2; copy++) {
        for (String id : executionOrTaskIds) {
          statement.setString(index++, id);
        }
      }
      Set<String> chains = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          chains.add(rows.getString(1));
        }
      }
      return chains;
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not read the branch chains granted on instances " + executionOrTaskIds,
          e);
    }
  }

  private static boolean isChain(String groupId) {
    return groupId != null && groupId.startsWith(CandidacyAuthorizations.CHAIN_PREFIX);
  }

  /** Whether a check is on a process instance or its history, the resources granted to a branch's chain. */
  static boolean onCandidacy(List<PermissionCheck> checks) {
    return checks.stream().map(PermissionCheck::getResource).filter(Objects::nonNull).mapToInt(Resource::resourceType)
        .anyMatch(type -> type == Resources.PROCESS_INSTANCE.resourceType()
            || type == Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
  }

  private static boolean isDerived(String groupId) {
    return groupId.startsWith(Roles.EVERY_PREFIX) || groupId.startsWith(CandidacyAuthorizations.CHAIN_PREFIX);
  }
}
