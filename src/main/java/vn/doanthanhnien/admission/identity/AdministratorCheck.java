package vn.doanthanhnien.admission.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Stops the start, whatever the profile, when no user of {@code camunda-admin} exists once the engine is built (the
 * engine creates the configured {@code camunda.bpm.admin-user} while it is built). Camunda would otherwise offer
 * its first-run set-up to the first visitor; that set-up is closed here ({@link FirstAdministrator}), so without this
 * check such an application would have no administrator at all. Runs before the web server opens.
 */
public class AdministratorCheck implements SmartInitializingSingleton {

  static final String NO_ADMINISTRATOR = "No administrator: no user is in the group camunda-admin and none is "
      + "configured. Set camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (in the prod profile "
      + "ADMISSION_ADMIN_USER and ADMISSION_ADMIN_PASSWORD); the user is created with full rights at the next start. "
      + "See README, 'Production'.";

  private final IdentityService identity;

  public AdministratorCheck(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException(NO_ADMINISTRATOR);
    }
  }
}
