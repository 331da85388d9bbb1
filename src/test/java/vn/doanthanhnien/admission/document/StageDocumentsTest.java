package vn.doanthanhnien.admission.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The documents of each stage, downloaded over HTTP as the demo users and opened with Apache POI and PDFBox: the
 * member's name with its diacritics, the recorded counts, percentages, dates and numbers, the unit names; the link
 * attached to the task that produced each; access as for the candidacy.
 */
@PipelineTest
class StageDocumentsTest {

  private static final String NAME = "Nguyễn Thị Hồng Nhung";
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  /** What each document must print, besides the member's name. */
  private record Expected(String form, String stage, String dated, List<String> phrases) {
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void everyStageDocumentPrintsWhatTheStageRecordedInWordAndPdf() throws IOException {
    // Thu 2026-03-05 10:00 +07: 30 days before is 03/02, 20 days before 13/02, 3 days before 02/3, the day before
    // 04/3; the member was born 22 years before, 05/3/2004. A day below 10 and the months January and February print
    // with a leading zero, the other months without.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-05T03:00:00Z")));
    Map<String, Map<String, Object>> input = Map.of(
        "recordBranchVote", Map.of("meetingDate", pipeline.daysAgo(30), "branchMemberCount", 25,
            "attendeeCount", 22, "votesFor", 21, "votesAgainst", 1, "resolutionNumber", "07-NQ/CĐ"),
        "recordYouthCommitteeResolution", Map.of("resolutionDate", pipeline.daysAgo(20), "committeeMemberCount", 9,
            "votesFor", 8, "votesAgainst", 1, "resolutionNumber", "15-NQ/ĐTN"),
        "recordPartyCellVote", Map.of("meetingDate", pipeline.daysAgo(3), "officialMemberCount", 12, "votesFor", 11,
            "votesAgainst", 1, "resolutionNumber", "06-NQ/CB"),
        "recordPartyCommitteeVote", Map.of("committeeMemberCount", 15, "votesFor", 13, "votesAgainst", 2,
            "resolutionNumber", "08-NQ/ĐU"),
        "recordAdmissionDecision", Map.of("approved", true, "decisionNumber", "123-QĐ/ĐUK",
            "decisionDate", pipeline.daysAgo(1)));
    // Typed on a keyboard that composes letters from their marks: the documents print the composed letters.
    ProcessInstance instance = advance(register(Normalizer.normalize(NAME, Normalizer.Form.NFD)),
        "recordAdmissionCeremony", input);
    String id = instance.getBusinessKey();

    List<Expected> expected = List.of(
        new Expected("4_1-KND", "recordBranchVote", "ngày 03 tháng 02 năm 2026", List.of("Số: 07-NQ/CĐ",
            "ĐOÀN THANH NIÊN KIỂM TOÁN NHÀ NƯỚC", "CHI ĐOÀN VỤ TỔNG HỢP", "ĐOÀN TNCS HỒ CHÍ MINH",
            "Tổng số đoàn viên của chi đoàn: 25; có mặt: 22",
            "21 đoàn viên tán thành, đạt 84% tổng số đoàn viên của chi đoàn",
            "1 đoàn viên không tán thành, chiếm 4%", "Kết quả biểu quyết đạt tỷ lệ tán thành theo quy định",
            "giới thiệu đoàn viên ưu tú " + NAME + " để Chi bộ Vụ Tổng hợp xem xét, kết nạp vào Đảng",
            "T/M BAN CHẤP HÀNH CHI ĐOÀN")),
        new Expected("4-KND", "recordYouthCommitteeResolution", "ngày 13 tháng 02 năm 2026", List.of("Số: 15-NQ/ĐTN",
            "ĐOÀN KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "BCH ĐOÀN THANH NIÊN KIỂM TOÁN NHÀ NƯỚC",
            "Nghị quyết số 07-NQ/CĐ của Chi đoàn Vụ Tổng hợp, họp ngày 03 tháng 02 năm 2026",
            "Tổng số ủy viên Ban Chấp hành: 9", "8 đồng chí tán thành, đạt 88,89%",
            "1 đồng chí không tán thành, chiếm 11,11%", "Kết quả biểu quyết đạt tỷ lệ tán thành theo quy định")),
        new Expected("6-KND", "recordPartyCellVote", "ngày 02 tháng 3 năm 2026", List.of("Số 06-NQ/CB",
            "ĐẢNG ỦY KIỂM TOÁN NHÀ NƯỚC", "CHI BỘ VỤ TỔNG HỢP", "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Nghị quyết giới thiệu số 15-NQ/ĐTN, ngày 13 tháng 02 năm 2026",
            "đảng viên chính thức Phạm Văn Hùng", "Tổng số đảng viên chính thức của chi bộ: 12",
            "11 đảng viên chính thức tán thành, đạt 91,67%", "1 đảng viên không tán thành, chiếm 8,33%",
            "T/M CHI BỘ")),
        new Expected("8-KND", "recordPartyCommitteeVote", "ngày 05 tháng 3 năm 2026", List.of("Số 08-NQ/ĐU",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "Tổng số đảng ủy viên: 15", "13 đồng chí tán thành, đạt 86,67%",
            "2 đồng chí không tán thành, chiếm 13,33%", "Nghị quyết số 06-NQ/CB, ngày 02 tháng 3 năm 2026")),
        new Expected("9-KND", "recordAdmissionDecision", "ngày 04 tháng 3 năm 2026", List.of("Số 123-QĐ/ĐUK",
            "QUYẾT ĐỊNH Kết nạp đảng viên", "Điều 1. Kết nạp quần chúng " + NAME + ", sinh ngày 05 tháng 3 năm 2004",
            "Nghị quyết số 08-NQ/ĐU, ngày 05 tháng 3 năm 2026",
            "T/M BAN THƯỜNG VỤ")));

    List<Map<String, Object>> listed = as("secretary").exchange("/api/candidacies/{id}/documents", HttpMethod.GET,
        null, LIST, id).getBody();
    assertThat(listed).extracting(d -> d.get("form")).containsExactly("4_1-KND", "4-KND", "6-KND", "8-KND", "9-KND");
    assertThat(listed).extracting(d -> d.get("title")).first()
        .isEqualTo("Nghị quyết của chi đoàn đề nghị giới thiệu đoàn viên ưu tú vào Đảng (mẫu 4_1-KNĐ)");
    assertThat(listed).allSatisfy(d -> assertThat(d).containsEntry("passed", true));
    assertThat(as("secretary").exchange("/api/candidacies/{id}", HttpMethod.GET, null, OBJECT, id).getBody()
        .get("documents")).as("the candidacy lists them too").isEqualTo(listed);

    for (int i = 0; i < expected.size(); i++) {
      Expected document = expected.get(i);
      Map<String, Object> entry = listed.get(i);
      String user = Pipeline.USER_OF_TASK.get(document.stage());
      String url = "/api/candidacies/" + id + "/documents/" + document.form();
      assertThat(entry).containsEntry("stage", document.stage()).containsEntry("docx", url + ".docx")
          .containsEntry("pdf", url + ".pdf").containsEntry("taskId", completedTask(instance, document.stage()).getId());
      List<String> phrases = new ArrayList<>(document.phrases());
      phrases.add(NAME);
      phrases.add("Hà Nội, " + document.dated());

      ResponseEntity<byte[]> docx = as(user).exchange(url + ".docx", HttpMethod.GET, null, byte[].class);
      assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(docx.getHeaders().getContentType()).hasToString(DOCX);
      assertThat(fileNames(docx)).containsExactly(
          document.form() + "-Nguyen-Thi-Hong-Nhung-ho-so-" + id + ".docx",
          document.form().replace("KND", "KNĐ") + " " + NAME + " - hồ sơ " + id + ".docx");
      assertThat(words(docxText(docx.getBody()))).as("%s.docx", document.form()).contains(phrases);

      ResponseEntity<byte[]> pdf = as(user).exchange(url + ".pdf", HttpMethod.GET, null, byte[].class);
      assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
      assertThat(fileNames(pdf).get(0)).endsWith("-ho-so-" + id + ".pdf");
      assertThat(words(pdfText(pdf.getBody()))).as("%s.pdf", document.form()).contains(phrases);

      List<Map<String, Object>> attachments = as(user).exchange("/engine-rest/task/{id}/attachment", HttpMethod.GET,
          null, LIST, entry.get("taskId")).getBody();
      assertThat(attachments).as("links on task %s", document.stage()).extracting(a -> a.get("url"))
          .containsExactlyInAnyOrder(url + ".docx", url + ".pdf");
      assertThat(attachments).allSatisfy(a -> assertThat(a).containsEntry("taskId", entry.get("taskId"))
          .containsEntry("rootProcessInstanceId", instance.getId()));
    }
  }

  @Test
  void aFailedVoteHasItsDocumentSayingSo() throws IOException {
    ProcessInstance instance = advance(register(NAME), "none", Map.of("recordBranchVote", Map.of("votesFor", 12,
        "votesAgainst", 10)));
    String url = "/api/candidacies/" + instance.getBusinessKey() + "/documents/4_1-KND";

    assertThat(as("secretary").exchange("/api/candidacies/{id}", HttpMethod.GET, null, OBJECT,
        instance.getBusinessKey()).getBody()).containsEntry("status", "REJECTED");
    assertThat(as("secretary").exchange("/api/candidacies/{id}/documents", HttpMethod.GET, null, LIST,
        instance.getBusinessKey()).getBody()).singleElement().satisfies(d -> assertThat(d)
        .containsEntry("form", "4_1-KND").containsEntry("passed", false));
    List<String> failed = List.of("12 đoàn viên tán thành, đạt 48%",
        "Kết quả biểu quyết không đạt tỷ lệ tán thành theo quy định", "Chi đoàn không đề nghị giới thiệu đoàn viên "
            + NAME);
    assertThat(words(docxText(download("secretary", url + ".docx"))))
        .contains(failed).doesNotContain("Kết quả biểu quyết đạt");
    assertThat(words(pdfText(download("secretary", url + ".pdf"))))
        .contains(failed).doesNotContain("Kết quả biểu quyết đạt");
  }

  @Test
  void anAdmissionNotApprovedHasADecisionSayingSo() throws IOException {
    ProcessInstance instance = advance(register(NAME), "none", Map.of("recordAdmissionDecision",
        Map.of("approved", false, "decisionNumber", "124-QĐ/ĐUK", "decisionDate", pipeline.daysAgo(1))));
    String url = "/api/candidacies/" + instance.getBusinessKey() + "/documents/9-KND.pdf";

    String text = words(pdfText(download("superior", url)));

    assertThat(text).contains("Số 124-QĐ/ĐUK", "Về việc không chuẩn y kết nạp đảng viên",
        "Điều 1. Không chuẩn y kết nạp quần chúng " + NAME).doesNotContain("Điều 3.");
  }

  @Test
  void aDocumentIsForTheCandidacysUnitsOnlyAndOnceItsStageIsRecorded() {
    ProcessInstance instance = advance(register(NAME), "recordAwarenessCertificate", Map.of());
    String id = instance.getBusinessKey();

    assertThat(as("partycommittee").exchange("/api/candidacies/{id}/documents", HttpMethod.GET, null, LIST, id)
        .getBody()).extracting(d -> d.get("form")).containsExactly("4_1-KND", "4-KND");
    assertThat(as("secretary2").exchange("/api/candidacies/{id}/documents", HttpMethod.GET, null, String.class, id)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> otherBranch = as("secretary2").exchange(
        "/api/candidacies/{id}/documents/4_1-KND.pdf", HttpMethod.GET, null, OBJECT, id);
    assertThat(otherBranch.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherBranch.getBody().get("message").toString()).contains("không có quyền");

    ResponseEntity<Map<String, Object>> notYet = as("secretary").exchange(
        "/api/candidacies/{id}/documents/6-KND.docx", HttpMethod.GET, null, OBJECT, id);
    assertThat(notYet.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(notYet.getBody().get("message").toString())
        .contains("Hồ sơ số " + id + " chưa có Nghị quyết của chi bộ đề nghị kết nạp đảng viên (mẫu 6-KNĐ)");
    assertThat(as("secretary").exchange("/api/candidacies/{id}/documents/5-KND.pdf", HttpMethod.GET, null, OBJECT,
        id).getBody().get("message").toString()).contains("Không có mẫu văn bản 5-KND");
    assertThat(as("secretary").exchange("/api/candidacies/{id}/documents/4_1-KND.txt", HttpMethod.GET, null,
        String.class, id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** After the twelve-month renewal the youth committee resolves again: its document is the new resolution. */
  @Test
  void aStageRedoneAfterTheRenewalHasTheNewDocument() throws IOException {
    ProcessInstance instance = advance(register(NAME), "collectOpinions", Map.of());
    String id = instance.getBusinessKey();
    HistoricTaskInstance first = completedTask(instance, "recordYouthCommitteeResolution");
    Job renewal = management.createJobQuery().processInstanceId(instance.getId())
        .activityId("opinionsPastTwelveMonths").singleResult();
    try {
      ClockUtil.setCurrentTime(Date.from(renewal.getDuedate().toInstant().plus(Duration.ofHours(10))));
      management.executeJob(renewal.getId());
      Map<String, Object> renewed = pipeline.valid("recordYouthCommitteeResolution");
      renewed.put("resolutionNumber", "27-NQ/ĐTN");
      pipeline.complete(instance, "recordYouthCommitteeResolution", renewed);
    } finally {
      ClockUtil.reset();
    }
    HistoricTaskInstance second = completedTask(instance, "recordYouthCommitteeResolution");
    assertThat(second.getId()).isNotEqualTo(first.getId());

    assertThat(words(docxText(download("youthcommittee", "/api/candidacies/" + id + "/documents/4-KND.docx"))))
        .contains("Số: 27-NQ/ĐTN").doesNotContain("15-NQ/ĐTN");
    assertThat(as("youthcommittee").exchange("/api/candidacies/{id}/documents", HttpMethod.GET, null, LIST, id)
        .getBody()).filteredOn(d -> d.get("form").equals("4-KND")).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("taskId", second.getId()));
    for (HistoricTaskInstance task : List.of(first, second)) {
      assertThat(as("youthcommittee").exchange("/engine-rest/task/{id}/attachment", HttpMethod.GET, null, LIST,
          task.getId()).getBody()).hasSize(2);
    }
  }

  /** What a Camunda Form's link does in Tasklist: the browser's session downloads the document. */
  @Test
  void theLinkOfALaterStagesFormDownloadsWithTheTasklistSession() throws Exception {
    ProcessInstance instance = advance(register(NAME), "recordYouthCommitteeResolution", Map.of());
    String form = new String(new ClassPathResource("recordYouthCommitteeResolution.form").getInputStream()
        .readAllBytes(), StandardCharsets.UTF_8);
    Matcher link = Pattern.compile("\\((/api/candidacies/\\{\\{candidacyId}}/documents/4_1-KND\\.pdf)\\)")
        .matcher(form);
    assertThat(link.find()).as("the form links to the branch's resolution").isTrue();
    String href = link.group(1).replace("{{candidacyId}}", instance.getBusinessKey());

    BrowserSession browser = new BrowserSession(port);
    browser.signInToTasklist("youthcommittee");
    HttpResponse<byte[]> pdf = browser.send(browser.get(href), BodyHandlers.ofByteArray());

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(words(pdfText(pdf.body()))).contains(NAME, "Số: 01-NQ/CĐ");
  }

  /** Every link in the forms names a document that exists, in a format that exists. */
  @Test
  void theFormsLinkOnlyToDocumentsThatExist() throws IOException {
    List<String> links = new ArrayList<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:*.form")) {
      Matcher link = Pattern.compile("\\]\\((/api/[^)]*)\\)").matcher(new String(form.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8));
      while (link.find()) {
        links.add(link.group(1));
      }
    }
    assertThat(links).hasSizeGreaterThanOrEqualTo(26).allSatisfy(href -> assertThat(href)
        .matches("/api/candidacies/\\{\\{candidacyId}}/documents/(4_1-KND|4-KND|6-KND|8-KND|9-KND)\\.(docx|pdf)"));
  }

  /** Nominates the member and completes each task with valid input, changed by {@code input}, up to {@code until}. */
  private ProcessInstance advance(String member, String until, Map<String, Map<String, Object>> input) {
    ProcessInstance instance = pipeline.nominate(member);
    for (Task task = pipeline.task(instance); task != null && !task.getTaskDefinitionKey().equals(until);
        task = pipeline.task(instance)) {
      Map<String, Object> values = pipeline.valid(task.getTaskDefinitionKey());
      values.putAll(input.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
      pipeline.complete(instance, task.getTaskDefinitionKey(), values);
    }
    return instance;
  }

  /** Registers a member of branch KTNN-01 through the API, as its secretary would. */
  private String register(String fullName) {
    LocalDate born = pipeline.today().minusYears(22);
    String code = "DOC-" + System.nanoTime() % 10_000_000;
    Map<String, Object> body = new HashMap<>(Map.of("code", code, "fullName", fullName,
        "birthDate", born.toString(), "gender", "FEMALE", "branchCode", "KTNN-01",
        "youthUnionJoinDate", born.plusYears(16).toString(), "education", "UNIVERSITY", "lastRating", "EXCELLENT",
        "lastRatingYear", pipeline.today().getYear() - 1));
    assertThat(as("secretary").exchange("/api/members", HttpMethod.POST, new HttpEntity<>(body), String.class)
        .getStatusCode().is2xxSuccessful()).isTrue();
    return code;
  }

  private HistoricTaskInstance completedTask(ProcessInstance instance, String taskKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .taskDeleteReason("completed").orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).get(0);
  }

  private byte[] download(String user, String url) {
    ResponseEntity<byte[]> response = as(user).exchange(url, HttpMethod.GET, null, byte[].class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The plain name of Content-Disposition, then the UTF-8 one decoded. */
  private static List<String> fileNames(ResponseEntity<byte[]> response) {
    String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment; filename=\"").contains("; filename*=UTF-8''");
    String plain = disposition.substring(disposition.indexOf('"') + 1, disposition.indexOf('"', 22));
    assertThat(plain).matches("[A-Za-z0-9._-]+");
    String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
    return List.of(plain, URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
  }

  /** Every paragraph and table cell, checking on the way that the page is A4 and the font Times New Roman. */
  private static String docxText(byte[] content) throws IOException {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(content));
        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
      assertThat(docx.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
      assertThat(docx.getDocument().getBody().getSectPr().getPgSz().getH()).hasToString("16838");
      List<XWPFParagraph> paragraphs = new ArrayList<>(docx.getParagraphs());
      docx.getTables().stream().map(XWPFTable::getRows).flatMap(List::stream)
          .flatMap(row -> row.getTableCells().stream()).forEach(cell -> paragraphs.addAll(cell.getParagraphs()));
      assertThat(paragraphs.stream().flatMap(p -> p.getRuns().stream()).map(XWPFRun::getFontFamily))
          .isNotEmpty().containsOnly("Times New Roman");
      return extractor.getText();
    }
  }

  /** The text of every page, checking on the way that each font is a subset of Liberation Serif, embedded. */
  private static String pdfText(byte[] content) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(content)) {
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif.*");
        }
      }
      return new PDFTextStripper().getText(pdf);
    }
  }

  /** Line breaks and the gaps of justified lines read as single spaces. */
  private static String words(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
