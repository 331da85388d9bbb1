package vn.doanthanhnien.admission.document;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberRepository;

/**
 * The documents of a candidacy's stages, generated when asked from what the stage recorded (its latest record: a
 * stage redone after the twelve-month renewal replaces the earlier one), so they always match the timeline. Readable
 * by whoever may read the candidacy. The texts are templates at {@code admission.documents.templates}.
 */
@Service
@Transactional(readOnly = true)
public class StageDocuments {

  private final CandidacyService candidacies;
  private final MemberRepository members;
  private final DocumentValues values;
  private final HistoryService history;
  private final EngineAsSystem system;
  private final DocumentTemplates templates;
  private final DocxRenderer docx;
  private final PdfRenderer pdf;

  StageDocuments(CandidacyService candidacies, MemberRepository members, DocumentValues values,
      HistoryService history, EngineAsSystem system, DocumentTemplates templates, DocxRenderer docx, PdfRenderer pdf) {
    this.candidacies = candidacies;
    this.members = members;
    this.values = values;
    this.history = history;
    this.system = system;
    this.templates = templates;
    this.docx = docx;
    this.pdf = pdf;
  }

  /**
   * A document the candidacy has.
   *
   * @param record the stage's latest entry in the timeline
   * @param taskId the task whose completion recorded it; null if the engine's history no longer has it
   * @param passed whether the vote passed, or the admission was approved
   */
  public record Available(DocumentForm form, CandidacyEvent record, String taskId, boolean passed) {
  }

  public record Rendered(byte[] content, String fileName, DocumentFormat format) {
  }

  public List<Available> available(Long id) {
    return available(candidacies.readable(id), candidacies.timeline(id));
  }

  /** The documents of the stages a candidacy the caller has read completed, in pipeline order. */
  public List<Available> available(Candidacy candidacy, List<CandidacyEvent> timeline) {
    Map<String, CandidacyEvent> records = latestRecords(timeline);
    List<DocumentForm> forms = Arrays.stream(DocumentForm.values()).filter(f -> records.containsKey(f.stage())).toList();
    if (forms.isEmpty()) {
      return List.of();
    }
    Map<String, String> tasks = producingTasks(candidacy, forms);
    return forms.stream().map(form -> new Available(form, records.get(form.stage()), tasks.get(form.stage()),
        passed(form, records.get(form.stage())))).toList();
  }

  public Rendered render(Long id, String fileCode, DocumentFormat format) {
    Candidacy candidacy = candidacies.readable(id);
    DocumentForm form = DocumentForm.ofFileCode(fileCode).orElseThrow(() -> new NotFoundException(
        "Không có mẫu văn bản " + fileCode + ". Các mẫu có: " + Arrays.stream(DocumentForm.values())
            .map(DocumentForm::fileCode).collect(Collectors.joining(", ")) + "."));
    Map<String, CandidacyEvent> records = latestRecords(candidacies.timeline(id));
    CandidacyEvent record = records.get(form.stage());
    if (record == null) {
      throw new NotFoundException("Hồ sơ số " + id + " chưa có " + form.title()
          + ": bước tạo ra văn bản này chưa được ghi nhận.");
    }
    Member member = members.findById(candidacy.getMemberCode()).orElseThrow(() -> new IllegalStateException(
        "Candidacy " + id + " names member " + candidacy.getMemberCode() + ", who is not in the registry"));
    OfficialDocument document = templates.read(form.fileCode()).fill(form.title() + " — " + member.getFullName(),
        values.of(candidacy, member, form, records), passed(form, record));
    byte[] content = switch (format) {
      case DOCX -> docx.render(document);
      case PDF -> pdf.render(document);
    };
    return new Rendered(content, form.code() + " " + member.getFullName() + " - hồ sơ " + id + "."
        + format.extension(), format);
  }

  private static Map<String, CandidacyEvent> latestRecords(List<CandidacyEvent> timeline) {
    Map<String, CandidacyEvent> latest = new LinkedHashMap<>();
    timeline.stream().filter(e -> e.getAction() == TimelineAction.STAGE_COMPLETED)
        .forEach(e -> latest.put(e.getStage(), e));
    return latest;
  }

  private boolean passed(DocumentForm form, CandidacyEvent record) {
    return Boolean.TRUE.equals(values.recorded(record).get(form.outcomeField()));
  }

  /** The last completed task of each stage. Read as the application: the caller may read the candidacy. */
  private Map<String, String> producingTasks(Candidacy candidacy, List<DocumentForm> forms) {
    if (candidacy.getProcessInstanceId() == null) {
      return Map.of();
    }
    List<HistoricTaskInstance> completed = system.call(() -> history.createHistoricTaskInstanceQuery()
        .processInstanceId(candidacy.getProcessInstanceId())
        .taskDefinitionKeyIn(forms.stream().map(DocumentForm::stage).toArray(String[]::new))
        .taskDeleteReason(TaskEntity.DELETE_REASON_COMPLETED)
        .orderByHistoricTaskInstanceEndTime().asc()
        .listPage(0, 100));
    Map<String, String> tasks = new HashMap<>();
    completed.forEach(task -> tasks.put(task.getTaskDefinitionKey(), task.getId()));
    return tasks;
  }
}
