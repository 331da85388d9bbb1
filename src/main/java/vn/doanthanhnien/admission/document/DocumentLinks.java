package vn.doanthanhnien.admission.document;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.EngineAsSystem;

/**
 * Task listener {@code ${stageDocumentLinks}} on the completion of each task of party-admission.bpmn that produces a
 * document: attaches the document's two URLs to the task, so that the engine's history of the task links to it. If
 * the submission is then refused, the attachments go with the rest of the transaction.
 */
@Component("stageDocumentLinks")
public class DocumentLinks implements TaskListener {

  private final TaskService tasks;
  private final EngineAsSystem system;

  private final CandidacyService candidacies;

  public DocumentLinks(TaskService tasks, EngineAsSystem system, CandidacyService candidacies) {
    this.tasks = tasks;
    this.system = system;
    this.candidacies = candidacies;
  }

  @Override
  public void notify(DelegateTask task) {
    DocumentForm form = DocumentForm.ofStage(task.getTaskDefinitionKey()).orElseThrow(() ->
        new IllegalStateException("Task " + task.getTaskDefinitionKey() + " produces no document"));
    String candidacyId = String.valueOf(candidacies.idOf(task.getExecution()));
    for (DocumentFormat format : DocumentFormat.values()) {
      // The application links its own documents: officers hold no grant to change a task's attachments.
      system.run(() -> tasks.createAttachment(format.mediaType().toString(), task.getId(),
          task.getProcessInstanceId(), form.title() + " (." + format.extension() + ")",
          "Văn bản của bước này, tạo từ kết quả đã ghi nhận; tải về khi đã đăng nhập.",
          form.url(candidacyId, format)));
    }
  }
}
