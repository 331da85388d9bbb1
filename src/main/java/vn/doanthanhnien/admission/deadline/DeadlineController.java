package vn.doanthanhnien.admission.deadline;

import java.util.Date;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DeadlineController {

  private final DecisionDeadline decisionDeadline;

  public DeadlineController(DecisionDeadline decisionDeadline) {
    this.decisionDeadline = decisionDeadline;
  }

  /** The superior committee extends the admission decision's deadline once by 30 working days. */
  @PostMapping("/api/candidacies/{id}/extend-decision-deadline")
  public Extended extend(@PathVariable Long id, @RequestBody ExtensionRequest request) {
    return new Extended(id, decisionDeadline.extend(id, request.reason()));
  }

  public record ExtensionRequest(String reason) {
  }

  public record Extended(Long candidacyId, Date dueDate) {
  }
}
