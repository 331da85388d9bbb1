package vn.doanthanhnien.admission.probation;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.candidacy.CandidacyService;

@RestController
public class ProbationController {

  private final CandidacyService candidacies;
  private final ProbationService probations;

  public ProbationController(CandidacyService candidacies, ProbationService probations) {
    this.candidacies = candidacies;
    this.probations = probations;
  }

  /** The probation of an admitted candidacy, for the units that may read the candidacy. */
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
