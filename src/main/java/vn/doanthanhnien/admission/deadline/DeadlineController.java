package vn.doanthanhnien.admission.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Hồ sơ đề nghị kết nạp")
@RestController
public class DeadlineController {

  private final DecisionDeadline decisionDeadline;

  public DeadlineController(DecisionDeadline decisionDeadline) {
    this.decisionDeadline = decisionDeadline;
  }

  /** The superior committee extends the admission decision's deadline once by 30 working days. */
  @Operation(summary = "Gia hạn thời hạn quyết định kết nạp", description = "Cấp ủy cấp trên gia hạn thêm 30 ngày làm việc, một lần, với lý do (`reason`).")
  @PostMapping("/api/candidacies/{id}/extend-decision-deadline")
  public Extended extend(@PathVariable Long id, @RequestBody ExtensionRequest request) {
    return new Extended(id, decisionDeadline.extend(id, request.reason()));
  }

  public record ExtensionRequest(String reason) {
  }

  public record Extended(Long candidacyId, Date dueDate) {
  }
}
