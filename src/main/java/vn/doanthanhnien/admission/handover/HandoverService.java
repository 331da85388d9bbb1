package vn.doanthanhnien.admission.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
import vn.doanthanhnien.admission.common.ForbiddenException;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.document.DocumentFormat;
import vn.doanthanhnien.admission.document.IntroducedMembersList;
import vn.doanthanhnien.admission.document.IntroducedMembersList.Entry;
import vn.doanthanhnien.admission.document.IntroducedMembersList.Handed;
import vn.doanthanhnien.admission.document.StageDocuments;
import vn.doanthanhnien.admission.identity.CurrentUser;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.identity.UserScope;
import vn.doanthanhnien.admission.member.MemberService;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitChain;
import vn.doanthanhnien.admission.unit.UnitKind;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * The grassroots youth committee's list of members introduced to the Party in a period (their youth committee
 * resolution passed from {@code from} to {@code to}), as the official document, and the record of its handover to the
 * Party committee: the date and who handed it over, written into every listed candidacy with a timeline entry.
 */
@Service
public class HandoverService {

  private static final Logger LOG = LoggerFactory.getLogger(HandoverService.class);
  private static final String RESOLUTION = PartyAdmissionProcess.Task.YOUTH_COMMITTEE_RESOLUTION;

  private final CandidacyService candidacies;
  private final MemberService members;
  private final UnitService units;
  private final UserScope scope;
  private final CurrentUser user;
  private final HandoverRepository handovers;
  private final IntroducedMembersList document;
  private final BusinessClock clock;
  private final ObjectMapper json;

  HandoverService(CandidacyService candidacies, MemberService members, UnitService units, UserScope scope,
      CurrentUser user, HandoverRepository handovers, IntroducedMembersList document, BusinessClock clock,
      ObjectMapper json) {
    this.candidacies = candidacies;
    this.members = members;
    this.units = units;
    this.scope = scope;
    this.user = user;
    this.handovers = handovers;
    this.document = document;
    this.clock = clock;
    this.json = json;
  }

  public record Period(String unitCode, LocalDate from, LocalDate to) {
  }

  public record Recorded(Long id, String unit, LocalDate from, LocalDate to, LocalDate handedOverOn,
      String handedOverBy, List<Long> candidacies) {
  }

  /** The list as a document; readable by whoever sees the unit's figures. */
  @Transactional(readOnly = true)
  public StageDocuments.Rendered list(String unitCode, Object from, Object to, DocumentFormat format) {
    Period period = period(unitCode, from, to);
    scope.requireUnit(period.unitCode());
    List<Candidacy> listed = introduced(period);
    List<Long> handoverIds = listed.stream().map(Candidacy::getHandoverId).distinct().toList();
    Handed handed = handoverIds.size() == 1 && handoverIds.get(0) != null
        ? handovers.findById(handoverIds.get(0)).map(h -> new Handed(h.getHandedOverOn(), h.getHandedOverBy()))
            .orElse(null)
        : null;
    return document.render(period.unitCode(), period.from(), period.to(), entries(listed),
        listed.stream().map(c -> c.getUnits().orElseGet(() -> units.chainOfBranch(c.getBranchCode())))
            .map(UnitChain::partyCommitteeCode).filter(Objects::nonNull).distinct().sorted().toList(),
        handed, format);
  }

  /**
   * Records that the list of the period was handed over, in every listed candidacy; all or none. Only the unit's
   * youth committee (or an administrator) hands its list over.
   *
   * @throws ConflictException when a listed candidacy was already handed over
   */
  @Transactional
  public Recorded handOver(String unitCode, Object from, Object to, Object handedOverOn, Object handedOverBy) {
    InputCheck in = new InputCheck(clock.zone());
    LocalDate on = in.pastDate("Ngày trao danh sách (handedOverOn)", handedOverOn, true, clock.today());
    String by = in.text("Người trao danh sách (handedOverBy)", handedOverBy, true, 200);
    Period period = period(unitCode, from, to, in);
    if (!scope.isUnrestricted()
        && !user.groupIds().contains(Roles.YOUTH_COMMITTEE.groupOf(period.unitCode()))) {
      throw new ForbiddenException("Chỉ Ban Chấp hành Đoàn cơ sở " + period.unitCode()
          + " mới ghi nhận việc trao danh sách của đơn vị này.");
    }
    List<Candidacy> listed = introduced(period);
    in.require(!listed.isEmpty(), "Không có đoàn viên nào được giới thiệu trong thời gian này: không có danh sách để "
        + "trao.");
    in.throwIfInvalid("Không thể ghi nhận việc trao danh sách");
    List<String> already = listed.stream().filter(c -> c.getHandedOverOn() != null)
        .map(c -> "hồ sơ số " + c.getId() + " (đã trao ngày " + c.getHandedOverOn() + ")").toList();
    if (!already.isEmpty()) {
      throw new ConflictException("Danh sách có hồ sơ đã được trao trước đó: " + String.join(", ", already)
          + ". Hãy chọn thời gian không trùng với lần trao trước.");
    }
    Handover handover = handovers.saveAndFlush(new Handover(period.unitCode(), period.from(), period.to(), on, by,
        user.id(), clock.now()));
    String summary = "Danh sách đoàn viên ưu tú được giới thiệu từ " + period.from() + " đến " + period.to()
        + " đã trao cho Đảng ủy ngày " + on + "; người trao: " + by + " (lần trao số " + handover.getId() + ").";
    listed.forEach(c -> candidacies.markHandedOver(c.getId(), on, handover.getId(), user.id(), summary));
    LOG.info("Handover {} of unit {} recorded for {} candidacies", handover.getId(), period.unitCode(), listed.size());
    return new Recorded(handover.getId(), period.unitCode(), period.from(), period.to(), on, by,
        listed.stream().map(Candidacy::getId).toList());
  }

  private Period period(String unitCode, Object from, Object to) {
    InputCheck in = new InputCheck(clock.zone());
    Period period = period(unitCode, from, to, in);
    in.throwIfInvalid();
    return period;
  }

  private Period period(String unitCode, Object from, Object to, InputCheck in) {
    String unit = in.text("Đơn vị (unit)", unitCode, true, 50);
    LocalDate start = in.date("Từ ngày (from)", from, true);
    LocalDate end = in.date("Đến ngày (to)", to, true);
    if (start != null && end != null) {
      in.require(!start.isAfter(end), "Từ ngày (" + start + ") không được sau đến ngày (" + end + ").");
    }
    if (unit != null) {
      OrgUnit found = units.find(unit).orElse(null);
      in.require(found != null && found.getKind() == UnitKind.YOUTH_GRASSROOTS,
          "Đơn vị " + unit + " không phải là một Đoàn cơ sở: danh sách giới thiệu là của Ban Chấp hành Đoàn cơ sở.");
    }
    return new Period(unit, start, end);
  }

  private List<Candidacy> introduced(Period period) {
    return candidacies.introducedIn(period.unitCode(), period.from(), period.to());
  }

  /** Each member with the resolution that introduced them (its latest record, after a renewal the renewed one). */
  private List<Entry> entries(List<Candidacy> listed) {
    return listed.stream().map(c -> {
      CandidacyEvent resolution = candidacies.timeline(c.getId()).stream()
          .filter(e -> e.getAction() == TimelineAction.STAGE_COMPLETED && e.getStage().equals(RESOLUTION))
          .reduce((first, second) -> second).orElseThrow(() -> new IllegalStateException(
              "Candidacy " + c.getId() + " counts as introduced without a resolution in its timeline"));
      Map<String, Object> details = details(resolution);
      return new Entry(members.get(c.getMemberCode()), c.getBranchCode(),
          String.valueOf(details.get("resolutionNumber")),
          LocalDate.parse(String.valueOf(details.get(PartyAdmissionProcess.INTRODUCTION_DATE.field()))));
    }).collect(Collectors.toList());
  }

  private Map<String, Object> details(CandidacyEvent event) {
    try {
      return json.readValue(event.getDetails(), new TypeReference<Map<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Timeline entry " + event.getId() + " has unreadable details", e);
    }
  }
}
