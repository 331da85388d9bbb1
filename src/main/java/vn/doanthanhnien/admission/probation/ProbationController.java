package vn.doanthanhnien.admission.probation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.candidacy.CandidacyService;

@Tag(name = "Hồ sơ đề nghị kết nạp")
@RestController
public class ProbationController {

  private final CandidacyService candidacies;
  private final ProbationService probations;

  public ProbationController(CandidacyService candidacies, ProbationService probations) {
    this.candidacies = candidacies;
    this.probations = probations;
  }

  /** The probation of an admitted candidacy, for the units that may read the candidacy. */
  @Operation(summary = "Thời gian dự bị sau khi kết nạp", description = "`IN_PROBATION`, `RECOGNISED` hoặc `NOT_RECOGNISED`, với các ngày, kết quả biểu quyết quyết định và lý do.")
  @GetMapping("/api/candidacies/{id}/probation")
  public ProbationView get(@PathVariable Long id) {
    candidacies.readable(id);
    Probation probation = probations.get(id);
    return new ProbationView(id, probation.getStatus(), probation.getCeremonyDate(), probation.getEndDate(),
        probations.voteDueDate(probation), probation.getDecidedOn(), probation.getDecidedAt(),
        probation.getResolutionNumber(), probation.getReason());
  }

  /**
   * @param voteDueDate the last day (until 17:00) for the cell's vote on full membership
   * @param decidedAt the task key of the vote that decided, once decided
   */
  public record ProbationView(Long candidacyId, ProbationStatus status, LocalDate ceremonyDate,
      LocalDate probationEndDate, LocalDate voteDueDate, LocalDate decidedOn, String decidedAt,
      String resolutionNumber, String reason) {
  }
}
