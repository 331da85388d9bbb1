package vn.doanthanhnien.admission.stage;

import static vn.doanthanhnien.admission.stage.FormField.count;
import static vn.doanthanhnien.admission.stage.FormField.flag;
import static vn.doanthanhnien.admission.stage.FormField.members;
import static vn.doanthanhnien.admission.stage.FormField.monthsTogether;
import static vn.doanthanhnien.admission.stage.FormField.optionalFlag;
import static vn.doanthanhnien.admission.stage.FormField.pastDate;
import static vn.doanthanhnien.admission.stage.FormField.partyOnlyText;
import static vn.doanthanhnien.admission.stage.FormField.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.doanthanhnien.admission.stage.StageForm.CrossCheck;

/** The server-side copy of every task form's rules (SPEC.md, "The external contract"); forms/ mirrors them for users. */
public final class StageForms {

  private static final Map<String, StageForm> BY_TASK = Stream.of(
      new StageForm("recordBranchVote", "Biểu quyết của chi đoàn", List.of(
          pastDate("meetingDate", "Ngày họp chi đoàn"),
          members("branchMemberCount", "Số đoàn viên của chi đoàn"),
          count("attendeeCount", "Số đoàn viên dự họp"),
          count("votesFor", "Số phiếu tán thành"),
          count("votesAgainst", "Số phiếu không tán thành"),
          text("resolutionNumber", "Số nghị quyết")),
          "votesFor", "branchMemberCount", List.of(
              notAbove("attendeeCount", "branchMemberCount", "Số đoàn viên dự họp", "số đoàn viên của chi đoàn"),
              votesWithin("attendeeCount", "số đoàn viên dự họp"))),
      new StageForm("recordYouthCommitteeResolution", "Nghị quyết giới thiệu của BCH Đoàn cơ sở", List.of(
          pastDate("resolutionDate", "Ngày ra nghị quyết"),
          members("committeeMemberCount", "Số ủy viên Ban Chấp hành"),
          count("votesFor", "Số phiếu tán thành"),
          count("votesAgainst", "Số phiếu không tán thành"),
          text("resolutionNumber", "Số nghị quyết")),
          "votesFor", "committeeMemberCount", List.of(
              votesWithin("committeeMemberCount", "số ủy viên Ban Chấp hành"))),
      new StageForm("recordAwarenessCertificate", "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng", List.of(
          pastDate("certificateDate", "Ngày cấp giấy chứng nhận"),
          text("certificateNumber", "Số giấy chứng nhận")),
          null, null, List.of()),
      new StageForm("assignIntroducer", "Phân công đảng viên giới thiệu", List.of(
          text("introducerName", "Họ tên đảng viên giới thiệu"),
          pastDate("introducerOfficialSince", "Ngày trở thành đảng viên chính thức"),
          monthsTogether("monthsWorkedTogether", "Số tháng cùng công tác, học tập")),
          null, null, List.of()),
      new StageForm("checkDossier", "Kiểm tra hồ sơ xin vào Đảng", List.of(
          flag("applicationReceived", "Đã nhận đơn xin vào Đảng (mẫu 1-KNĐ)"),
          flag("personalHistoryReceived", "Đã nhận lý lịch người xin vào Đảng (mẫu 2-KNĐ)"),
          pastDate("dossierDate", "Ngày hồ sơ đầy đủ"),
          optionalFlag("spouseListed", "Lý lịch có vợ hoặc chồng"),
          optionalFlag("spouseParentsListed", "Lý lịch có cha mẹ của vợ hoặc chồng"),
          optionalFlag("guardianListed", "Lý lịch có người trực tiếp nuôi dưỡng")),
          null, null, List.of(
              mustBeTrue("applicationReceived", "Chưa nhận đơn xin vào Đảng (mẫu 1-KNĐ): chưa thể xác nhận hồ sơ."),
              mustBeTrue("personalHistoryReceived",
                  "Chưa nhận lý lịch người xin vào Đảng (mẫu 2-KNĐ): chưa thể xác nhận hồ sơ."))),
      new StageForm("verifyBackground", "Thẩm tra lý lịch", List.of(
          flag("backgroundClear", "Kết luận thẩm tra (lý lịch rõ ràng)"),
          partyOnlyText("verificationNotes", "Ghi chú thẩm tra")),
          null, null, List.of()),
      new StageForm("collectOpinions", "Tổng hợp ý kiến nhận xét (mẫu 5-KNĐ)", List.of(
          flag("residenceOpinionReceived", "Đã nhận ý kiến chi ủy nơi cư trú"),
          flag("massOrganisationOpinionReceived", "Đã nhận ý kiến các đoàn thể chính trị - xã hội"),
          partyOnlyText("opinionSummary", "Tóm tắt ý kiến nhận xét")),
          null, null, List.of(
              mustBeTrue("residenceOpinionReceived", "Chưa nhận ý kiến nhận xét của chi ủy nơi cư trú."),
              mustBeTrue("massOrganisationOpinionReceived",
                  "Chưa nhận ý kiến nhận xét của các đoàn thể chính trị - xã hội."))),
      cellVote("recordPartyCellVote", "Biểu quyết của chi bộ (mẫu 6-KNĐ)"),
      committeeVote("recordPartyCommitteeVote", "Biểu quyết của Đảng ủy cơ sở (mẫu 8-KNĐ)"),
      new StageForm("recordAdmissionDecision", "Quyết định kết nạp (mẫu 9-KNĐ)", List.of(
          flag("approved", "Chuẩn y kết nạp"),
          text("decisionNumber", "Số quyết định"),
          pastDate("decisionDate", "Ngày quyết định")),
          null, null, List.of()),
      new StageForm("recordAdmissionCeremony", "Lễ kết nạp đảng viên", List.of(
          pastDate("ceremonyDate", "Ngày tổ chức lễ kết nạp")),
          null, null, List.of()),
      cellVote("recordProbationCellVote", "Biểu quyết của chi bộ đề nghị công nhận đảng viên chính thức"),
      committeeVote("recordProbationCommitteeVote", "Biểu quyết của Đảng ủy cơ sở về công nhận đảng viên chính thức"))
      .collect(Collectors.toUnmodifiableMap(StageForm::taskKey, Function.identity()));

  private StageForms() {
  }

  /** A vote of the Party cell's official members: on admission (6-KNĐ), later on full membership. */
  private static StageForm cellVote(String taskKey, String title) {
    return new StageForm(taskKey, title, List.of(
        pastDate("meetingDate", "Ngày họp chi bộ"),
        members("officialMemberCount", "Số đảng viên chính thức của chi bộ"),
        count("votesFor", "Số phiếu tán thành"),
        count("votesAgainst", "Số phiếu không tán thành"),
        text("resolutionNumber", "Số nghị quyết")),
        "votesFor", "officialMemberCount", List.of(
            votesWithin("officialMemberCount", "số đảng viên chính thức")));
  }

  /** A vote of the Party committee's members: on admission (8-KNĐ), later on full membership. */
  private static StageForm committeeVote(String taskKey, String title) {
    return new StageForm(taskKey, title, List.of(
        members("committeeMemberCount", "Số ủy viên Đảng ủy"),
        count("votesFor", "Số phiếu tán thành"),
        count("votesAgainst", "Số phiếu không tán thành"),
        text("resolutionNumber", "Số nghị quyết")),
        "votesFor", "committeeMemberCount", List.of(
            votesWithin("committeeMemberCount", "số ủy viên Đảng ủy")));
  }

  public static Optional<StageForm> of(String taskKey) {
    return Optional.ofNullable(BY_TASK.get(taskKey));
  }

  public static List<String> taskKeys() {
    return BY_TASK.keySet().stream().sorted().toList();
  }

  /** The keys of the fields only Party units may read, in every form. */
  public static Set<String> partyOnlyFieldKeys() {
    return BY_TASK.values().stream().flatMap(f -> f.fields().stream())
        .filter(FormField::partyOnly).map(FormField::key).collect(Collectors.toSet());
  }

  private static CrossCheck notAbove(String key, String limitKey, String label, String limitLabel) {
    return v -> v.get(key) instanceof Integer n && v.get(limitKey) instanceof Integer limit && n > limit
        ? label + " (" + n + ") không được lớn hơn " + limitLabel + " (" + limit + ")."
        : null;
  }

  private static CrossCheck votesWithin(String limitKey, String limitLabel) {
    return v -> v.get("votesFor") instanceof Integer yes && v.get("votesAgainst") instanceof Integer no
        && v.get(limitKey) instanceof Integer limit && yes + no > limit
        ? "Tổng số phiếu tán thành và không tán thành (" + (yes + no) + ") không được lớn hơn " + limitLabel
            + " (" + limit + ")."
        : null;
  }

  private static CrossCheck mustBeTrue(String key, String message) {
    return v -> Boolean.FALSE.equals(v.get(key)) ? message : null;
  }
}
