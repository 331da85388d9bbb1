package vn.doanthanhnien.admission.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** What the demo users enter in each task's form, for tests inside the shared context and for separate nodes. */
public final class StageInputs {

  private StageInputs() {
  }

  /** Input that passes every check and every vote of the task. */
  public static Map<String, Object> valid(String taskKey, LocalDate today) {
    String lastWeek = today.minusDays(7).toString();
    String threeDaysAgo = today.minusDays(3).toString();
    String yesterday = today.minusDays(1).toString();
    String todayText = today.toString();
    return new HashMap<>(switch (taskKey) {
      case "recordBranchVote" -> Map.of("meetingDate", lastWeek, "branchMemberCount", 25, "attendeeCount", 22,
          "votesFor", 20, "votesAgainst", 2, "resolutionNumber", "01-NQ/CĐ");
      case "recordYouthCommitteeResolution" -> Map.of("resolutionDate", lastWeek, "committeeMemberCount", 9,
          "votesFor", 9, "votesAgainst", 0, "resolutionNumber", "15-NQ/ĐTN");
      case "recordAwarenessCertificate" -> Map.of("certificateDate", lastWeek, "certificateNumber", "GCN-2026-118");
      case "assignIntroducer" -> Map.of("introducerName", "Phạm Văn Hùng", "introducerOfficialSince", "2015-03-02",
          "monthsWorkedTogether", 24);
      case "checkDossier" -> Map.of("applicationReceived", true, "personalHistoryReceived", true,
          "dossierDate", lastWeek);
      case "verifyBackground" -> Map.of("backgroundClear", true,
          "verificationNotes", "Lý lịch rõ ràng, gia đình chấp hành tốt chủ trương, chính sách.");
      case "collectOpinions" -> Map.of("residenceOpinionReceived", true, "massOrganisationOpinionReceived", true,
          "opinionSummary", "Các ý kiến đều đồng ý đề nghị kết nạp.");
      case "recordPartyCellVote" -> Map.of("meetingDate", threeDaysAgo, "officialMemberCount", 12, "votesFor", 12,
          "votesAgainst", 0, "resolutionNumber", "06-NQ/CB");
      case "recordPartyCommitteeVote" -> Map.of("committeeMemberCount", 15, "votesFor", 14, "votesAgainst", 1,
          "resolutionNumber", "08-NQ/ĐU");
      case "recordAdmissionDecision" -> Map.of("approved", true, "decisionNumber", "123-QĐ/ĐUK",
          "decisionDate", yesterday);
      case "recordAdmissionCeremony" -> Map.of("ceremonyDate", todayText);
      case "recordProbationCellVote" -> Map.of("meetingDate", todayText, "officialMemberCount", 12, "votesFor", 10,
          "votesAgainst", 2, "resolutionNumber", "12-NQ/CB");
      case "recordProbationCommitteeVote" -> Map.of("committeeMemberCount", 15, "votesFor", 12, "votesAgainst", 3,
          "resolutionNumber", "15-NQ/ĐU");
      default -> throw new IllegalArgumentException("No task " + taskKey);
    });
  }
}
