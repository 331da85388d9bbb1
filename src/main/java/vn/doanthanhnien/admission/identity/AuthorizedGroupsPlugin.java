package vn.doanthanhnien.admission.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks with the signed-in user's groups as they are. Before each check the engine narrows the user's
 * groups to those holding some authorization, and to know those it reads the distinct group of every row of
 * {@code ACT_RU_AUTHORIZATION}, once per command: a scan of the whole table, which here grows by a few dozen rows per
 * candidacy (two grants per unit and instance, and those of every task). A group without any authorization matches
 * nothing in the checks either, so the answer is the same without the narrowing (docs/performance.md).
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
      return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
    }
  }
}
