package vn.doanthanhnien.admission.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;

/** Adds Camunda authorizations once: a grant that already holds the permissions is left as it is. */
@Component
public class Grants {

  private final AuthorizationService authorizations;
  private final EngineAsSystem system;

  public Grants(AuthorizationService authorizations, EngineAsSystem system) {
    this.authorizations = authorizations;
    this.system = system;
  }

  public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    system.run(() -> {
      Authorization grant = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
      if (grant == null) {
        grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
      } else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
        return;
      }
      Arrays.stream(permissions).forEach(grant::addPermission);
      authorizations.saveAuthorization(grant);
    });
  }

  /** Grants on a resource that has just been created, so holds no grant yet: no lookup first. */
  public void onNewResource(String groupId, Resource resource, String resourceId, Permission... permissions) {
    system.run(() -> {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      Arrays.stream(permissions).forEach(grant::addPermission);
      authorizations.saveAuthorization(grant);
    });
  }

  /** A grant for every user (a Camunda GLOBAL authorization). */
  public void toEveryone(Resource resource, String resourceId, Permission... permissions) {
    system.run(() -> {
      if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
          .resourceType(resource).resourceId(resourceId).count() == 0) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        Arrays.stream(permissions).forEach(grant::addPermission);
        authorizations.saveAuthorization(grant);
      }
    });
  }
}
