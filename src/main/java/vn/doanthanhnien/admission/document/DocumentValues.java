package vn.doanthanhnien.admission.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.member.Gender;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.form.DeclaredField;
import vn.doanthanhnien.admission.stage.StageForm;
import vn.doanthanhnien.admission.stage.StageForms;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitChain;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * The values a template's placeholders are filled with, as printed:
 * <ul>
 *   <li>{@code candidacyId}, {@code place} (of the place-and-date line, {@code admission.documents.place});
 *   <li>{@code member.fullName}, {@code member.code}, {@code member.birthDate}, {@code member.gender} ("nam", "nữ"),
 *   {@code member.youthUnionJoinDate};
 *   <li>{@code unit.branch}, {@code unit.youthUnit}, {@code unit.youthBloc} (the unit above it; empty when none),
 *   {@code unit.partyCell}, {@code unit.partyCommittee}, {@code unit.superiorCommittee}: the names of the units the
 *   candidacy was nominated under;
 *   <li>every field the document's stage recorded under its form key ({@code meetingDate}, {@code votesFor},
 *   {@code resolutionNumber}…), with {@code recordedOn} (the day it was recorded), {@code passed} for a vote, and
 *   {@code votesForPercent}, {@code votesAgainstPercent} (of all members, the base of the threshold);
 *   <li>the same for every stage completed before, prefixed with its task key:
 *   {@code recordBranchVote.resolutionNumber}, {@code assignIntroducer.introducerName}.
 * </ul>
 * Dates read "ngày 05 tháng 02 năm 2026": two digits for a day below 10 and for January and February
 * (Nghị định 30/2020/NĐ-CP); yes/no fields "có" or "không".
 */
@Component
class DocumentValues {

  private static final String VOTES_AGAINST = "votesAgainst";

  private final UnitService units;
  private final BusinessClock clock;
  private final ObjectMapper json;
  private final String place;
  private final StageForms forms;

  DocumentValues(UnitService units, BusinessClock clock, ObjectMapper json,
      @Value("${admission.documents.place}") String place, StageForms forms) {
    this.forms = forms;
    this.units = units;
    this.clock = clock;
    this.json = json;
    this.place = place;
  }

  /** @param records the latest record of each completed stage, by task key */
  Map<String, String> of(Candidacy candidacy, Member member, DocumentForm form, Map<String, CandidacyEvent> records) {
    Map<String, String> values = new HashMap<>();
    values.put("candidacyId", String.valueOf(candidacy.getId()));
    values.put("place", place);
    values.put("member.code", member.getCode());
    values.put("member.fullName", member.getFullName());
    values.put("member.birthDate", date(member.getBirthDate()));
    values.put("member.gender", member.getGender() == Gender.FEMALE ? "nữ" : "nam");
    values.put("member.youthUnionJoinDate", date(member.getYouthUnionJoinDate()));
    UnitChain chain = candidacy.getUnits().orElseGet(() -> units.chainOfBranch(candidacy.getBranchCode()));
    OrgUnit youthUnit = units.get(chain.youthUnitCode());
    values.put("unit.branch", units.get(chain.branchCode()).getName());
    values.put("unit.youthUnit", youthUnit.getName());
    values.put("unit.youthBloc", youthUnit.getParentCode() == null ? "" : units.get(youthUnit.getParentCode()).getName());
    values.put("unit.partyCell", units.get(chain.partyCellCode()).getName());
    values.put("unit.partyCommittee", units.get(chain.partyCommitteeCode()).getName());
    values.put("unit.superiorCommittee", units.get(chain.superiorCommitteeCode()).getName());
    records.forEach((stage, record) -> stageValues(stage, record).forEach((key, value) ->
        values.put(stage + "." + key, value)));
    values.putAll(stageValues(form.stage(), records.get(form.stage())));
    return values;
  }

  /** The stage's recorded fields, as its document reads them. */
  Map<String, Object> recorded(CandidacyEvent record) {
    try {
      return json.readValue(record.getDetails(), new TypeReference<Map<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Timeline entry " + record.getId() + " has unreadable details", e);
    }
  }

  private Map<String, String> stageValues(String stage, CandidacyEvent record) {
    Map<String, Object> recorded = recorded(record);
    Optional<StageForm> form = forms.latest(stage);
    Map<String, String> values = new HashMap<>();
    recorded.forEach((key, value) -> values.put(key, display(form, key, value)));
    values.put("recordedOn", date(LocalDate.ofInstant(record.getOccurredAt(), clock.zone())));
    form.filter(StageForm::isVote).ifPresent(vote -> {
      Object members = recorded.get(vote.memberCount().orElseThrow());
      putPercent(values, "votesForPercent", recorded.get(vote.votesFor().orElseThrow()), members);
      putPercent(values, "votesAgainstPercent", recorded.get(VOTES_AGAINST), members);
    });
    return values;
  }

  private static String display(Optional<StageForm> form, String key, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean yes) {
      return yes ? "có" : "không";
    }
    boolean isDate = form.map(f -> f.form().fields().get(key)).map(DeclaredField::date).orElse(false);
    return isDate ? date(LocalDate.parse(value.toString())) : value.toString();
  }

  private static void putPercent(Map<String, String> values, String key, Object votes, Object members) {
    if (votes instanceof Number part && members instanceof Number whole && whole.intValue() > 0) {
      values.put(key, percent(part.intValue(), whole.intValue()));
    }
  }

  /** "ngày 05 tháng 02 năm 2026", "ngày 17 tháng 11 năm 2026". */
  static String date(LocalDate date) {
    String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
    String month = date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
    return "ngày " + day + " tháng " + month + " năm " + date.getYear();
  }

  /** "80", "93,33": a share in per cent, to two decimals with a decimal comma. */
  static String percent(int part, int whole) {
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
