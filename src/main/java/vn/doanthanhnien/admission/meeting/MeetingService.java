package vn.doanthanhnien.admission.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.ConflictException;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.ForbiddenException;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.common.LostRaces;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.form.DeployedForm;
import vn.doanthanhnien.admission.form.FormSubmission;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.meeting.MeetingForms.MeetingForm;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberService;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.UnitMeetingProcess;
import vn.doanthanhnien.admission.stage.StageForm;
import vn.doanthanhnien.admission.stage.StageForms;
import vn.doanthanhnien.admission.stage.StageRecorder;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * One meeting recorded for several candidacies: the branch meeting, the youth committee's session, the awareness
 * class, the admission ceremony. Every listed candidacy's open task of the stage is completed in one transaction, with
 * the meeting's shared fields and the person's own results, exactly as if each task were submitted alone (its deployed
 * form, its rule table, the vote threshold: {@link StageRecorder}); before anything is completed, every candidacy is
 * checked, and any problem refuses the whole meeting with every problem named by candidate and field.
 */
@Service
public class MeetingService {

  private static final Logger LOG = LoggerFactory.getLogger(MeetingService.class);
  private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** The most candidacies one meeting records; a bloc's grassroots committee meets for a few dozen at most. */
  static final int MAX_CANDIDACIES = 200;

  private final MeetingForms meetingForms;
  private final StageForms stageForms;
  private final StageRecorder recorder;
  private final CandidacyService candidacies;
  private final MemberService members;
  private final UnitService units;
  private final MeetingRepository meetings;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final FormService forms;
  private final EngineAsSystem system;
  private final CurrentUser user;
  private final UserScope scope;
  private final BusinessClock clock;
  private final ObjectMapper json;
  private final LostRaces lostRaces;

  MeetingService(MeetingForms meetingForms, StageForms stageForms, StageRecorder recorder,
      CandidacyService candidacies, MemberService members, UnitService units, MeetingRepository meetings,
      TaskService tasks, RuntimeService runtime, FormService forms, EngineAsSystem system, CurrentUser user,
      UserScope scope, BusinessClock clock, ObjectMapper json, LostRaces lostRaces) {
    this.meetingForms = meetingForms;
    this.stageForms = stageForms;
    this.recorder = recorder;
    this.candidacies = candidacies;
    this.members = members;
    this.units = units;
    this.meetings = meetings;
    this.tasks = tasks;
    this.runtime = runtime;
    this.forms = forms;
    this.system = system;
    this.user = user;
    this.scope = scope;
    this.clock = clock;
    this.json = json;
    this.lostRaces = lostRaces;
  }

  /** What one candidacy got from the meeting; {@code passed} for a vote, null otherwise or when absent. */
  public record Outcome(Long candidacyId, String memberCode, String fullName, boolean attended, Boolean passed) {
  }

  public record Recorded(Long meetingId, String stage, String stageTitle, String unitCode, List<Outcome> candidacies) {
  }

  /** One candidacy of the meeting, checked and ready to complete. */
  private record Listed(Candidacy candidacy, String name, Task task, boolean attended, Map<String, Object> fields) {
  }

  /**
   * Records the meeting and completes every attending candidacy's task of the stage, all or nothing.
   *
   * @param shared the meeting's shared fields, by form key
   * @param results one map per candidacy: {@code candidacyId} and the person's fields ({@code votesFor},
   *     {@code attended}…)
   * @throws InvalidInputException with every problem, each naming the candidacy and the field; nothing stored
   * @throws ConflictException when a task was completed by someone else meanwhile; nothing stored
   */
  @Transactional
  public Recorded record(String stage, String unitCode, Map<String, Object> shared, List<Map<String, Object>> results) {
    InputCheck in = new InputCheck(clock.zone());
    String stageKey = in.text("Bước (stage)", stage, true, 60);
    String unit = in.text("Đơn vị (unit)", unitCode, true, 50);
    in.throwIfInvalid("Không thể ghi nhận cuộc họp");
    MeetingForm form = meetingForms.ofStage(stageKey).orElseThrow(() -> new InvalidInputException(
        "Không thể ghi nhận cuộc họp", List.of("Bước «" + stageKey + "» không ghi nhận theo cuộc họp chung; các bước "
            + "có: " + String.join(", ", meetingForms.stages().values()) + ".")));
    requireOfficerOf(unit);
    Map<String, Object> sharedValues = checkShared(form, shared == null ? Map.of() : shared, in);
    List<Listed> listed = checkEach(form, unit, sharedValues, results == null ? List.of() : results, in);
    in.require(in.hasErrors() || listed.stream().anyMatch(Listed::attended),
        "Không có ai có mặt: không có hồ sơ nào để ghi nhận.");
    in.throwIfInvalid("Không thể ghi nhận cuộc họp");

    Meeting meeting = meetings.saveAndFlush(new Meeting(stageKey, unit, toJson(sharedValues), user.id(), clock.now(),
        listed.stream().map(l -> new Meeting.Participant(l.candidacy().getId(), l.attended())).toList()));
    List<Outcome> outcomes = new ArrayList<>();
    for (Listed one : listed) {
      if (one.attended()) {
        complete(one, meeting.getId());
      }
      outcomes.add(new Outcome(one.candidacy().getId(), one.candidacy().getMemberCode(), one.name(), one.attended(),
          one.attended() ? passed(one.candidacy().getId(), stageKey, meeting.getId()) : null));
    }
    LOG.info("Meeting {} of unit {} recorded {} for {} candidacies ({} attended)", meeting.getId(), unit, stageKey,
        listed.size(), listed.stream().filter(Listed::attended).count());
    return new Recorded(meeting.getId(), stageKey, form.title(), unit, outcomes);
  }

  /**
   * The candidacies waiting at the stage in the unit that the signed-in officer may record, oldest first, one map per
   * person: the candidacy's number, the member's name, birth date and branch, and for a class or ceremony
   * {@code attended}.
   */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> waitingAt(String stage, String unitCode) {
    MeetingForm form = meetingForms.ofStage(stage).orElseThrow(() -> new NotFoundException(
        "Bước «" + stage + "» không ghi nhận theo cuộc họp chung."));
    List<Map<String, Object>> waiting = new ArrayList<>();
    for (Task task : openTasks(stage, unitCode)) {
      // Only a candidacy's own instance: one started by hand with its number as business key is not it.
      Optional<Candidacy> candidacy = CandidacyService.parseId(businessKey(task)).flatMap(this::find)
          .filter(c -> task.getProcessInstanceId().equals(c.getProcessInstanceId()));
      if (candidacy.isEmpty() || task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
        continue;
      }
      Member member = members.get(candidacy.get().getMemberCode());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(UnitMeetingProcess.Var.CANDIDACY_ID, String.valueOf(candidacy.get().getId()));
      item.put(PartyAdmissionProcess.Var.MEMBER_FULL_NAME, member.getFullName());
      item.put(PartyAdmissionProcess.Var.MEMBER_BIRTH_DATE, BIRTH_DATE.format(member.getBirthDate()));
      item.put(PartyAdmissionProcess.Var.BRANCH_NAME, units.get(candidacy.get().getBranchCode()).getName());
      if (form.recordsAttendance()) {
        item.put(UnitMeetingProcess.ATTENDED, true);
      }
      waiting.add(item);
    }
    return waiting;
  }

  /**
   * The units in which the signed-in officer has candidacies waiting at the stage, for a meeting started without
   * naming its unit.
   */
  @Transactional(readOnly = true)
  public Set<String> unitsWaitingAt(String stage) {
    Set<String> found = new java.util.TreeSet<>();
    for (String group : user.groupIds()) {
      Roles.ofGroup(group).filter(role -> !openTasks(stage, role.unitCode()).isEmpty())
          .ifPresent(role -> found.add(role.unitCode()));
    }
    return found;
  }

  /** The stages a meeting records, with their Vietnamese titles, in the order of the meeting process. */
  public Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    meetingForms.stages().values().forEach(stage -> stageForms.latest(stage)
        .ifPresent(form -> stages.put(stage, form.title())));
    return stages;
  }

  private void requireOfficerOf(String unit) {
    if (!scope.isUnrestricted() && groupsIn(unit).isEmpty()) {
      throw new ForbiddenException("Bạn không phải cán bộ của đơn vị " + unit
          + " nên không ghi nhận được cuộc họp của đơn vị này.");
    }
  }

  /** The signed-in user's groups in the unit ({@code branch-secretary.KTNN-01}…). */
  private List<String> groupsIn(String unit) {
    return user.groupIds().stream().filter(g -> Roles.ofGroup(g).filter(r -> r.unitCode().equals(unit)).isPresent())
        .toList();
  }

  private Map<String, Object> checkShared(MeetingForm form, Map<String, Object> shared, InputCheck in) {
    shared.keySet().stream().filter(key -> !form.shared().fields().containsKey(key)).forEach(key -> in.fail(
        "Phần chung của cuộc họp không có trường «" + key + "»; các trường: "
            + String.join(", ", form.shared().fields().keySet()) + "."));
    InputCheck sharedCheck = new InputCheck(clock.zone());
    FormSubmission.check(form.shared(), shared, sharedCheck, clock.today());
    sharedCheck.reasons().forEach(in::fail);
    // The shared fields go to every candidacy's form as entered: each stage's own check reads them again.
    Map<String, Object> raw = new LinkedHashMap<>();
    form.shared().fields().keySet().stream().filter(shared::containsKey).forEach(key -> raw.put(key, shared.get(key)));
    return raw;
  }

  private List<Listed> checkEach(MeetingForm form, String unit, Map<String, Object> shared,
      List<Map<String, Object>> results, InputCheck in) {
    if (results.isEmpty()) {
      in.fail("Danh sách hồ sơ của cuộc họp (results) đang trống.");
      return List.of();
    }
    if (results.size() > MAX_CANDIDACIES) {
      in.fail("Một cuộc họp ghi nhận tối đa " + MAX_CANDIDACIES + " hồ sơ.");
      return List.of();
    }
    if (in.hasErrors()) {
      // A wrong shared field would be reported again for every candidacy.
      return List.of();
    }
    Set<Long> seen = new HashSet<>();
    List<Listed> listed = new ArrayList<>();
    DeployedForm personForm = form.perPerson();
    for (int i = 0; i < results.size(); i++) {
      Map<String, Object> result = results.get(i) == null ? Map.of() : results.get(i);
      Optional<Long> id = CandidacyService.parseId(String.valueOf(result.get(UnitMeetingProcess.Var.CANDIDACY_ID)));
      if (id.isEmpty()) {
        in.fail("Dòng " + (i + 1) + " của danh sách: số hồ sơ (candidacyId) «"
            + result.get(UnitMeetingProcess.Var.CANDIDACY_ID) + "» không hợp lệ.");
        continue;
      }
      if (!seen.add(id.get())) {
        in.fail("Hồ sơ số " + id.get() + " có tên hai lần trong danh sách cuộc họp.");
        continue;
      }
      check(form, unit, shared, id.get(), result, personForm, in).ifPresent(listed::add);
    }
    return listed;
  }

  private Optional<Listed> check(MeetingForm form, String unit, Map<String, Object> shared, Long id,
      Map<String, Object> result, DeployedForm personForm, InputCheck in) {
    Optional<Candidacy> found = find(id);
    if (found.isEmpty() || !scope.canSeeBranch(found.get().getBranchCode())) {
      in.fail("Hồ sơ số " + id + " không có hoặc không thuộc các đơn vị của bạn.");
      return Optional.empty();
    }
    Candidacy candidacy = found.get();
    String name = members.registered(candidacy.getMemberCode()).map(Member::getFullName)
        .orElse(candidacy.getMemberCode());
    String who = "Hồ sơ số " + id + " (" + name + "): ";
    result.keySet().stream().filter(key -> !key.equals(UnitMeetingProcess.Var.CANDIDACY_ID)
            && !form.perPerson().fields().containsKey(key))
        .forEach(key -> in.fail(who + "kết quả của từng người không có trường «" + key + "»."));
    InputCheck personCheck = new InputCheck(clock.zone());
    Map<String, Object> typed = FormSubmission.check(personForm, result, personCheck, clock.today());
    personCheck.reasons().forEach(reason -> in.fail(who + reason));
    Task task = openTask(candidacy, form.stage());
    if (task == null) {
      in.fail(who + "không chờ ở bước «" + stageTitle(form.stage()) + "» (hồ sơ đang ở bước khác hoặc đã kết thúc).");
      return Optional.empty();
    }
    if (groupOfUnit(task, unit).isEmpty()) {
      in.fail(who + "việc «" + stageTitle(form.stage()) + "» thuộc đơn vị khác, không thuộc " + unit + ".");
      return Optional.empty();
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
      in.fail(who + "việc đã được " + task.getAssignee() + " nhận; chỉ người đó hoặc sau khi trả lại việc mới ghi "
          + "nhận được.");
      return Optional.empty();
    }
    // A class or ceremony: a person listed without "attended" took part; one marked absent keeps the task open.
    boolean attended = !result.containsKey(UnitMeetingProcess.ATTENDED)
        || Boolean.TRUE.equals(typed.get(UnitMeetingProcess.ATTENDED));
    Map<String, Object> fields = new LinkedHashMap<>(shared);
    StageForm stageForm = stageForms.of(task.getProcessDefinitionId(), form.stage());
    result.forEach((key, value) -> {
      if (stageForm.form().fields().containsKey(key)) {
        fields.put(key, value);
      }
    });
    if (attended && !personCheck.hasErrors()) {
      Map<String, Object> submitted = new HashMap<>(system.call(() -> runtime.getVariables(task.getExecutionId())));
      submitted.putAll(fields);
      recorder.problems(stageForm, id, submitted).forEach(problem -> in.fail(who + problem));
    }
    return Optional.of(new Listed(candidacy, name, task, attended, fields));
  }

  private Optional<Candidacy> find(Long id) {
    try {
      return Optional.of(candidacies.get(id));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Submits the candidacy's task as the officer, as Tasklist would, with the meeting's number for its timeline. */
  private void complete(Listed one, Long meetingId) {
    VariableMap variables = Variables.createVariables();
    variables.putAll(one.fields());
    variables.putValueTyped(UnitMeetingProcess.Var.MEETING_ID, Variables.longValue(meetingId, true));
    try {
      forms.submitTaskForm(one.task().getId(), variables);
    } catch (ProcessEngineException e) {
      if (lostRaces.causedBy(e)) {
        // A version clash, or a row another request holds for longer than the database waits (answered 409); on
        // PostgreSQL the transaction can run no further query.
        throw e;
      }
      if (system.call(() -> tasks.createTaskQuery().taskId(one.task().getId()).count()) == 0) {
        // Completed or cancelled by another request after the meeting was checked.
        throw new ConflictException("Việc «" + one.task().getName() + "» của hồ sơ số " + one.candidacy().getId()
            + " vừa được hoàn thành hoặc hủy bởi một thao tác khác: cuộc họp không được ghi nhận. Vui lòng tải lại "
            + "danh sách và ghi lại.");
      }
      throw e;
    }
  }

  private Boolean passed(Long candidacyId, String stage, Long meetingId) {
    List<CandidacyEvent> timeline = candidacies.timeline(candidacyId);
    for (int i = timeline.size() - 1; i >= 0; i--) {
      CandidacyEvent event = timeline.get(i);
      if (event.getAction() == TimelineAction.STAGE_COMPLETED && event.getStage().equals(stage)) {
        Map<String, Object> details = fromJson(event.getDetails());
        return meetingId.equals(((Number) details.getOrDefault(UnitMeetingProcess.Var.MEETING_ID, -1)).longValue())
            && details.get(StageRecorder.PASSED) instanceof Boolean passed ? passed : null;
      }
    }
    return null;
  }

  private Task openTask(Candidacy candidacy, String stage) {
    if (candidacy.getProcessInstanceId() == null) {
      return null;
    }
    return system.call(() -> tasks.createTaskQuery().processInstanceId(candidacy.getProcessInstanceId())
        .taskDefinitionKey(stage).active().list()).stream().findFirst().orElse(null);
  }

  /** The open tasks of the stage offered to one of the user's groups in the unit. */
  private List<Task> openTasks(String stage, String unit) {
    List<String> groups = groupsIn(unit);
    if (groups.isEmpty()) {
      return List.of();
    }
    return system.call(() -> tasks.createTaskQuery().processDefinitionKey(PartyAdmissionProcess.KEY)
        .taskDefinitionKey(stage).taskCandidateGroupIn(groups).includeAssignedTasks().active()
        .orderByTaskCreateTime().asc().listPage(0, MAX_CANDIDACIES));
  }

  private String businessKey(Task task) {
    return system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult()).getBusinessKey();
  }

  private Set<String> candidateGroupsOf(Task task) {
    return system.call(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).collect(Collectors.toSet());
  }

  /** The task's candidate group that belongs to the unit, if any. */
  private String groupOfUnit(Task task, String unit) {
    return candidateGroupsOf(task).stream()
        .filter(g -> Roles.ofGroup(g).filter(r -> r.unitCode().equals(unit)).isPresent())
        .findFirst().orElse("");
  }

  private String stageTitle(String stage) {
    return stageForms.latest(stage).map(StageForm::title).orElse(stage);
  }

  private String toJson(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Meeting fields cannot be written as JSON", e);
    }
  }

  private Map<String, Object> fromJson(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stage details are not readable JSON", e);
    }
  }
}
