package vn.doanthanhnien.admission.meeting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * that task's Camunda Form. The form's fields outside the dynamic list are the meeting's shared fields; the fields of
 * one item of the list are a candidate's own. So the same split applies in Tasklist and over {@code /api}, and an
 * administrator changes it in Modeler.
 */
@Component
class MeetingForms {

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
   * @param perPerson the fields of one candidate; read-only ones (the name shown) are not input
   */
  record MeetingForm(String stage, String taskKey, String title, DeployedForm shared, DeployedForm perPerson) {

    /** The fields an officer enters for one candidate. */
    Map<String, DeclaredField> inputs() {
      Map<String, DeclaredField> inputs = new LinkedHashMap<>(perPerson.fields());
      inputs.values().removeIf(f -> f.component().path("readonly").asBoolean(false));
      inputs.remove(UnitMeetingProcess.Var.CANDIDACY_ID);
      return inputs;
    }

    boolean recordsAttendance() {
      return perPerson.fields().containsKey(UnitMeetingProcess.ATTENDED);
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

  /** The pipeline stages the latest meeting process records, by its user task. */
  Map<String, String> stages() {
    return latest().map(this::stageTasks).orElse(Map.of());
  }

  private MeetingForm of(String definitionId, String taskKey, String stage) {
    StageForm form = stageForms.of(definitionId, taskKey);
    DeployedForm meeting = form.form();
    if (meeting.lists().size() != 1) {
      throw new IllegalStateException("Meeting form " + meeting.id() + " must have exactly one dynamic list (the "
          + "candidates), not " + meeting.lists().size());
    }
    DeployedForm perPerson = meeting.lists().values().iterator().next();
    return new MeetingForm(stage, taskKey, form.title(), new DeployedForm(meeting.id(), meeting.fields(), Map.of()),
        perPerson);
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
