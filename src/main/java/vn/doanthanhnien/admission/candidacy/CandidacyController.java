package vn.doanthanhnien.admission.candidacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.identity.UserScope;

@Tag(name = "Hồ sơ đề nghị kết nạp", description = "Hồ sơ đề nghị kết nạp đoàn viên ưu tú vào Đảng")
@RestController
@RequestMapping("/api/candidacies")
public class CandidacyController {

  private final CandidacyService candidacies;
  private final UserScope scope;
  private final CandidacyDocuments documents;

  public CandidacyController(CandidacyService candidacies, UserScope scope, CandidacyDocuments documents) {
    this.candidacies = candidacies;
    this.scope = scope;
    this.documents = documents;
  }

  @Operation(summary = "Xem hồ sơ", description = "Trạng thái, bước hiện tại, hạn xử lý, quá hạn hay chưa, lý do bị từ chối, tài liệu và dòng thời gian (ai làm gì, khi nào).")
  @GetMapping("/{id}")
  public CandidacyView get(@PathVariable Long id) {
    Candidacy candidacy = candidacies.readable(id);
    boolean party = scope.canReadPartyRecordsOf(candidacy.getBranchCode());
    List<CandidacyEvent> events = candidacies.timeline(id);
    return view(candidacy, events.stream().map(e -> TimelineEntry.of(e, party)).toList(),
        documents.of(candidacy, events));
  }

  /** With the timeline and the documents left empty: {@code GET /api/candidacies/{id}} has them. */
  @Operation(summary = "Hồ sơ của một chi đoàn", description = "Tham số `branch`: mã chi đoàn.")
  @GetMapping
  public List<CandidacyView> ofBranch(@RequestParam String branch) {
    return candidacies.ofBranch(branch).stream().map(c -> view(c, List.of(), List.of())).toList();
  }

  private CandidacyView view(Candidacy candidacy, List<TimelineEntry> timeline, List<?> documents) {
    return CandidacyView.of(candidacy, candidacy.isOverdue(candidacies.now()), timeline, documents);
  }

  @Operation(summary = "Rút hồ sơ", description = "Bí thư chi đoàn hoặc BCH Đoàn cơ sở rút hồ sơ ở bất kỳ bước nào, với lý do (`reason`); mọi việc đang mở bị hủy.")
  @PostMapping("/{id}/withdraw")
  public CandidacyView withdraw(@PathVariable Long id, @RequestBody WithdrawalRequest request) {
    candidacies.withdraw(id, request.reason());
    return get(id);
  }

  public record WithdrawalRequest(String reason) {
  }

  public record CandidacyView(Long id, String memberCode, String branchCode, CandidacyStatus status, String stage,
      String rejectionReason, String nominationReason, String nominatedBy, Instant nominatedAt, Instant closedAt,
      String processInstanceId, LocalDate introducedOn, LocalDate admittedOn, LocalDate handedOverOn, Instant dueDate,
      boolean overdue, List<TimelineEntry> timeline, List<?> documents) {

    /**
     * dueDate: when the open stage is due; overdue once it has passed. documents: those of the stages completed.
     * handedOverOn: when the grassroots youth committee handed the Party the list naming the candidacy.
     */
    static CandidacyView of(Candidacy c, boolean overdue, List<TimelineEntry> timeline,
        List<?> documents) {
      return new CandidacyView(c.getId(), c.getMemberCode(), c.getBranchCode(), c.getStatus(), c.getStage(),
          c.getRejectionReason(), c.getNominationReason(), c.getNominatedBy(), c.getNominatedAt(), c.getClosedAt(),
          c.getProcessInstanceId(), c.getIntroducedOn(), c.getAdmittedOn(), c.getHandedOverOn(), c.getDueAt(), overdue,
          timeline,
          documents);
    }
  }

  /** @param partyDetails only for the candidacy's Party units; null for everyone else */
  public record TimelineEntry(String stage, TimelineAction action, String actor, Instant at, String summary,
      @JsonRawValue String details, @JsonRawValue String partyDetails) {
    static TimelineEntry of(CandidacyEvent e, boolean party) {
      return new TimelineEntry(e.getStage(), e.getAction(), e.getActor(), e.getOccurredAt(), e.getSummary(),
          e.getDetails(), party ? e.getPartyDetails() : null);
    }
  }
}
