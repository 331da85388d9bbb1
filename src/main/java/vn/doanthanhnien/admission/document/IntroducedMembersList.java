package vn.doanthanhnien.admission.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.member.Gender;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * The list a grassroots youth committee hands the Party committee: the members its resolutions introduced in a period,
 * each with their data and the resolution, from the template {@code documents/danh-sach-gioi-thieu.txt}, as .docx and
 * PDF like the stages' documents.
 */
@Service
public class IntroducedMembersList {

  static final String FILE_CODE = "danh-sach-gioi-thieu";

  private final DocumentTemplates templates;
  private final DocxRenderer docx;
  private final PdfRenderer pdf;
  private final UnitService units;
  private final BusinessClock clock;
  private final String place;

  IntroducedMembersList(DocumentTemplates templates, DocxRenderer docx, PdfRenderer pdf, UnitService units,
      BusinessClock clock, @Value("${admission.documents.place}") String place) {
    this.templates = templates;
    this.docx = docx;
    this.pdf = pdf;
    this.units = units;
    this.clock = clock;
    this.place = place;
  }

  /** One introduced member: their registry data, branch, and the youth committee's resolution. */
  public record Entry(Member member, String branchCode, String resolutionNumber, LocalDate resolutionDate) {
  }

  /** The handover, once recorded: the day and who handed the list over. */
  public record Handed(LocalDate on, String by) {
  }

  /**
   * @param partyCommitteeCodes the Party committees the members' branches answer to (the list's recipients)
   * @param handed null before the handover is recorded
   */
  public StageDocuments.Rendered render(String youthUnitCode, LocalDate from, LocalDate to, List<Entry> entries,
      List<String> partyCommitteeCodes, Handed handed, DocumentFormat format) {
    OrgUnit youthUnit = units.get(youthUnitCode);
    Map<String, String> values = new HashMap<>();
    values.put("place", place);
    values.put("today", DocumentValues.date(clock.today()));
    values.put("unit.youthUnit", youthUnit.getName());
    values.put("unit.youthBloc", youthUnit.getParentCode() == null ? "" : units.get(youthUnit.getParentCode()).getName());
    values.put("period.from", DocumentValues.date(from));
    values.put("period.to", DocumentValues.date(to));
    values.put("count", String.valueOf(entries.size()));
    values.put("partyCommittees", String.join(", ", partyCommitteeCodes.stream().map(c -> units.get(c).getName())
        .toList()));
    if (handed != null) {
      values.put("handedOverOn", DocumentValues.date(handed.on()));
      values.put("handedOverBy", handed.by());
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Entry entry : entries) {
      Member member = entry.member();
      Map<String, String> row = new HashMap<>();
      row.put("row.number", String.valueOf(rows.size() + 1));
      row.put("row.memberCode", member.getCode());
      row.put("row.fullName", member.getFullName());
      row.put("row.birthDate", DocumentValues.date(member.getBirthDate()));
      row.put("row.gender", member.getGender() == Gender.FEMALE ? "nữ" : "nam");
      row.put("row.youthUnionJoinDate", DocumentValues.date(member.getYouthUnionJoinDate()));
      row.put("row.branch", units.get(entry.branchCode()).getName());
      row.put("row.resolutionNumber", entry.resolutionNumber());
      row.put("row.resolutionDate", DocumentValues.date(entry.resolutionDate()));
      rows.add(row);
    }
    String title = "Danh sách đoàn viên ưu tú được giới thiệu — " + youthUnit.getName();
    OfficialDocument document = templates.read(FILE_CODE).fill(title, values, true, rows);
    byte[] content = switch (format) {
      case DOCX -> docx.render(document);
      case PDF -> pdf.render(document);
    };
    return new StageDocuments.Rendered(content, "Danh sách đoàn viên ưu tú giới thiệu - " + youthUnitCode + " - " + from
        + " đến " + to + "." + format.extension(), format);
  }
}
