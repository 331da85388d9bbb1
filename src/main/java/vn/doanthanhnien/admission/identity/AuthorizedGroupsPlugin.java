package vn.doanthanhnien.admission.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks with the signed-in user's groups as they are, and for each unit group the id of its role's
 * grants held once for every unit ({@link Roles#everyUnit}). Before each check the engine narrows the user's groups to
 * those holding some authorization, and to know those it reads the distinct group of every row of
 * {@code ACT_RU_AUTHORIZATION}, once per command: a scan of the whole table, which here grows by a few dozen rows per
 * candidacy (two grants per unit and instance, and those of every task). A group without any authorization matches
 * nothing in the checks either, so the answer is the same without the narrowing (docs/performance.md). The role's
 * grants held once instead of by each of thousands of unit groups leave a handful of rows on a process key and on
 * {@code '*'}, which a task query's authorization join reads for every task it lists.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

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
        return new GroupsAsTheyAre();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  static final class GroupsAsTheyAre extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return withEveryUnitOfTheirRoles(authenticatedGroupIds);
    }
  }

  /** The groups, and after them the role-wide id of each role one of them holds in a unit. */
  static List<String> withEveryUnitOfTheirRoles(List<String> groupIds) {
    if (groupIds == null || groupIds.isEmpty()) {
      return List.of();
    }
    Set<String> withRoles = new LinkedHashSet<>(groupIds);
    groupIds.forEach(groupId -> Roles.ofGroup(groupId).ifPresent(inUnit -> withRoles.add(inUnit.role().everyUnit())));
    return withRoles.size() == groupIds.size() ? groupIds : new ArrayList<>(withRoles);
  }
}
