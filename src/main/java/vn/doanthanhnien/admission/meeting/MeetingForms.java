package vn.doanthanhnien.admission.meeting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.form.DeclaredField;
import vn.doanthanhnien.admission.form.DeployedForm;
import vn.doanthanhnien.admission.process.UnitMeetingProcess;
import vn.doanthanhnien.admission.stage.StageForm;
import vn.doanthanhnien.admission.stage.StageForms;

/**
 * The meeting form of each stage that may be recorded for several candidacies at once, read from the latest deployed
 * {@code unit-meeting} process: its user task whose extension property {@code stage} names the pipeline's task, and
 * that task's Camunda Form. The form's fields are the meeting's shared fields, except those named {@code <field>_<n>}:
 * the fields of the n-th listed candidate, one row per candidate ({@code votesFor_1}, {@code votesAgainst_1},
 * {@code votesFor_2}…). Rows of fixed fields rather than a form-js dynamic list: Camunda Tasklist 7.24 keeps Complete
 * disabled once a field inside a dynamic list has been edited (it counts the list's emptied error entries as errors).
 * So the same split applies in Tasklist and over {@code /api}, and an administrator changes it in Modeler.
 */
@Component
class MeetingForms {

  /** A candidate's field in a row of the meeting form: {@code votesFor_3}. */
  private static final Pattern ROW_FIELD = Pattern.compile("(.+)_([1-9][0-9]*)");

  private final RepositoryService repository;
  private final EngineAsSystem system;
  private final StageForms stageForms;

  MeetingForms(RepositoryService repository, EngineAsSystem system, StageForms stageForms) {
    this.repository = repository;
    this.system = system;
    this.stageForms = stageForms;
  }

  /**
   * @param taskKey the meeting process's user task
   * @param shared the fields the meeting shares (date, counts, resolution number…)
   * @param perPerson the fields of one candidate, by their name without the row's number
   * @param rows how many candidates one meeting form lists
   */
  record MeetingForm(String stage, String taskKey, String title, DeployedForm shared, DeployedForm perPerson,
      int rows) {

    boolean recordsAttendance() {
      return perPerson.fields().containsKey(UnitMeetingProcess.ATTENDED);
    }

    /** The form's field of a candidate's value in the given row (1-based): {@code votesFor_3}. */
    static String rowField(String field, int row) {
      return field + "_" + row;
    }
  }

  /** The meeting form of a pipeline stage, if the latest meeting process records it. */
  Optional<MeetingForm> ofStage(String stage) {
    return latest().flatMap(definition -> stageTasks(definition).entrySet().stream()
        .filter(e -> e.getValue().equals(stage)).findFirst()
        .map(e -> of(definition.getId(), e.getKey(), stage)));
  }

  /** The meeting form of a user task of a deployed meeting process. */
  MeetingForm ofTask(String processDefinitionId, String taskKey) {
    ProcessDefinition definition = system.call(() -> repository.getProcessDefinition(processDefinitionId));
    String stage = stageTasks(definition).get(taskKey);
    if (stage == null) {
      throw new IllegalStateException("User task " + taskKey + " of " + processDefinitionId + " has no extension "
          + "property " + UnitMeetingProcess.STAGE_PROPERTY);
    }
    return of(processDefinitionId, taskKey, stage);
  }

  /** The pipeline stages a deployed meeting process records, by its user task. */
  Map<String, String> tasksOf(String processDefinitionId) {
    return stageTasks(system.call(() -> repository.getProcessDefinition(processDefinitionId)));
  }

  /** The pipeline stages the latest meeting process records, by its user task. */
  Map<String, String> stages() {
    return latest().map(this::stageTasks).orElse(Map.of());
  }

  private MeetingForm of(String definitionId, String taskKey, String stage) {
    StageForm form = stageForms.of(definitionId, taskKey);
    Map<String, DeclaredField> shared = new LinkedHashMap<>();
    Map<String, DeclaredField> perPerson = new LinkedHashMap<>();
    int rows = 0;
    for (DeclaredField field : form.fields()) {
      Matcher row = ROW_FIELD.matcher(field.key());
      if (!row.matches()) {
        shared.put(field.key(), field);
        continue;
      }
      rows = Math.max(rows, Integer.parseInt(row.group(2)));
      if (row.group(2).equals("1")) {
        perPerson.put(row.group(1), new DeclaredField(row.group(1), field.type(), field.label(), field.component()));
      }
    }
    return new MeetingForm(stage, taskKey, form.title(), new DeployedForm(form.form().id(), shared),
        new DeployedForm(form.form().id(), perPerson), rows);
  }

  private Optional<ProcessDefinition> latest() {
    return Optional.ofNullable(system.call(() -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(UnitMeetingProcess.KEY).latestVersion().withoutTenantId().singleResult()));
  }

  private Map<String, String> stageTasks(ProcessDefinition definition) {
    Map<String, String> stages = new LinkedHashMap<>();
    system.call(() -> repository.getBpmnModelInstance(definition.getId())).getModelElementsByType(UserTask.class)
        .forEach(task -> property(task).ifPresent(stage -> stages.put(task.getId(), stage)));
    return stages;
  }

  private static Optional<String> property(UserTask task) {
    if (task.getExtensionElements() == null) {
      return Optional.empty();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> UnitMeetingProcess.STAGE_PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
  }
}
