package vn.doanthanhnien.admission.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;

/**
 * The two Tasklist filters every officer works from, in every profile, readable by everyone. A filter only selects
 * among the tasks the user is already allowed to see. Users get no grant to create filters: a stored filter may hold
 * expressions, which only administrators should write.
 */
@Component
public class TasklistFilters {

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", Var.MEMBER_FULL_NAME, "label", "Đoàn viên"),
      Map.of("name", Var.CANDIDACY_ID, "label", "Số hồ sơ"),
      Map.of("name", Var.MEMBER_CODE, "label", "Mã đoàn viên"));

  private final FilterService filters;
  private final TaskService tasks;
  private final Grants grants;

  public TasklistFilters(FilterService filters, TaskService tasks, Grants grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void create() {
    // The unit's open tasks first (Tasklist orders filters by priority): no officer signs in to an empty list while
    // work waits for their unit.
    create("Việc của đơn vị tôi", "Các việc giao cho đơn vị của tôi, chưa ai nhận", -10,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    create("Việc của tôi", "Các việc đã nhận về mình", -5,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
  }

  /** Creates the filter, or brings an existing one's properties (order, columns) up to date; its query is kept. */
  private void create(String name, String description, int priority, Query<?, ?> query) {
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", COLUMNS);
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name).setProperties(properties);
      filter.setQuery(query);
      filters.saveFilter(filter);
    } else if (!properties.equals(filter.getProperties())) {
      filters.saveFilter(filter.setProperties(properties));
    }
    grants.toEveryone(FILTER, filter.getId(), READ);
  }
}
