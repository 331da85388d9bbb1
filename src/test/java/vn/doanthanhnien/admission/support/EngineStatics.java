package vn.doanthanhnien.admission.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.springframework.context.ApplicationContext;

/**
 * For a test that starts an application of its own in the JVM of the shared context: Camunda's REST API looks engines
 * up by name in a static registry, where the other application's engine replaces the shared one and closing it
 * removes it; the webapps' runtime delegates, static too, are set to null when it closes, after which the shared
 * context's Tasklist would answer 500; and the starter's webapp filters take their Spring context from a static field,
 * which an application that failed to start leaves pointing at its dead context (no close event is sent for it), so
 * that the next application's webapp filters fail to start. {@link #capture()} before starting it, {@link #restore()}
 * after closing it.
 */
public final class EngineStatics {

  private final ProcessEngine defaultEngine;
  private final AdminRuntimeDelegate admin;
  private final CockpitRuntimeDelegate cockpit;
  private final TasklistRuntimeDelegate tasklist;
  private final WelcomeRuntimeDelegate welcome;
  private final ApplicationContext webappFilterContext;

  private EngineStatics() {
    defaultEngine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    admin = Admin.getRuntimeDelegate();
    cockpit = Cockpit.getRuntimeDelegate();
    tasklist = Tasklist.getRuntimeDelegate();
    welcome = Welcome.getRuntimeDelegate();
    webappFilterContext = WebappFilters.context();
  }

  public static EngineStatics capture() {
    return new EngineStatics();
  }

  /** Puts back what was captured, the engine and delegates if the shared context had started by then. */
  public void restore() {
    WebappFilters.context(webappFilterContext);
    if (defaultEngine != null) {
      ProcessEngines.registerProcessEngine(defaultEngine);
      Admin.setAdminRuntimeDelegate(admin);
      Cockpit.setCockpitRuntimeDelegate(cockpit);
      Tasklist.setTasklistRuntimeDelegate(tasklist);
      Welcome.setRuntimeDelegate(welcome);
    }
  }

  /** Access to the starter's static field, protected for its subclasses. */
  private static final class WebappFilters extends LazyInitRegistration {

    static ApplicationContext context() {
      return APPLICATION_CONTEXT;
    }

    static void context(ApplicationContext context) {
      APPLICATION_CONTEXT = context;
    }
  }
}
