package vn.doanthanhnien.admission.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * {@code POST /api/members/import}: a file of members is stored whole, or refused whole with every wrong cell listed
 * by row and column. Each test uses codes of its own prefix, so it counts only what it stored.
 */
@PipelineTest
class MemberImportTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final List<String> HEADER = List.of("code", "fullName", "birthDate", "gender", "branchCode",
      "youthUnionJoinDate", "education", "lastRating", "lastRatingYear", "awarenessCertificateDate");
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired TestMembers testMembers;
  @Autowired JdbcTemplate jdbc;

  private final String prefix = "IMP" + PREFIXES.incrementAndGet() + "x" + System.nanoTime() % 1_000_000 + "-";

  @Test
  void aCommaSeparatedCsvWithBomAndVietnameseNamesIsStoredWhole() {
    String csv = "\uFEFF" + String.join(",", HEADER) + ",youthUnionActive\r\n"
        + prefix + "1,Nguyễn Thị Ánh Tuyết,2001-05-12,FEMALE,KTNN-01,2016-03-26,UNIVERSITY,EXCELLENT,"
        + lastYear() + ",2024-10-02,\r\n"
        + prefix + "2,\"Trần Đức Hải, con\",2000-11-30,MALE,KTNN-01,2015-09-02,POSTGRADUATE,GOOD," + lastYear()
        + ",,false\r\n";

    ResponseEntity<Map<String, Object>> answer = upload("secretary", "danh-sach.csv", bytes(csv));

    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("imported", 2);
    assertThat(member("secretary", prefix + "1")).containsEntry("fullName", "Nguyễn Thị Ánh Tuyết")
        .containsEntry("birthDate", "2001-05-12").containsEntry("gender", "FEMALE")
        .containsEntry("youthUnionJoinDate", "2016-03-26").containsEntry("lastRating", "EXCELLENT")
        .containsEntry("lastRatingYear", lastYear()).containsEntry("awarenessCertificateDate", "2024-10-02")
        .containsEntry("youthUnionActive", true);
    assertThat(member("secretary", prefix + "2")).containsEntry("fullName", "Trần Đức Hải, con")
        .containsEntry("education", "POSTGRADUATE").containsEntry("awarenessCertificateDate", null)
        .containsEntry("youthUnionActive", false);
  }

  @Test
  void aSemicolonSeparatedCsvWithItsOwnColumnOrderIsStoredWhole() {
    String csv = "\uFEFFBranchCode;CODE;fullName;gender;birthDate;youthUnionJoinDate;education;lastRating;"
        + "lastRatingYear\n"
        + "HVBC-01;" + prefix + "1;Lê Thị Hồng Nhung;FEMALE;2003-01-31;2018-03-26;COLLEGE;GOOD;" + lastYear() + "\n"
        + "\n"
        + ";;;;;;;;\n"
        + "KTNN-01;" + prefix + "2;Phạm Quốc Việt;MALE;2002-07-04;2017-05-19;UPPER_SECONDARY;EXCELLENT;"
        + lastYear() + "\n";

    ResponseEntity<Map<String, Object>> answer = upload("admin", "danh-sach.CSV", bytes(csv));

    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("imported", 2);
    assertThat(member("secretary2", prefix + "1")).containsEntry("fullName", "Lê Thị Hồng Nhung")
        .containsEntry("branchCode", "HVBC-01").containsEntry("education", "COLLEGE");
    assertThat(member("secretary", prefix + "2")).containsEntry("fullName", "Phạm Quốc Việt")
        .containsEntry("birthDate", "2002-07-04");
  }

  @Test
  void anXlsxWithRealDateCellsIsStoredWhole() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle vietnameseDate = workbook.createCellStyle();
      vietnameseDate.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet sheet = workbook.createSheet("Đoàn viên");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
      }
      header.createCell(HEADER.size()).setCellValue("youthUnionActive");
      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue(prefix + "1");
      first.createCell(1).setCellValue("Hoàng Thị Thu Hương");
      dateCell(first, 2, LocalDate.of(2001, 2, 28), vietnameseDate);
      first.createCell(3).setCellValue("FEMALE");
      first.createCell(4).setCellValue("KTNN-01");
      dateCell(first, 5, LocalDate.of(2016, 3, 26), vietnameseDate);
      first.createCell(6).setCellValue("UNIVERSITY");
      first.createCell(7).setCellValue("EXCELLENT");
      first.createCell(8).setCellValue(lastYear());
      dateCell(first, 9, LocalDate.of(2023, 12, 31), vietnameseDate);
      first.createCell(10).setCellValue(false);
      // Row 3 left blank, as users leave them; row 4 carries the dates as text.
      Row second = sheet.createRow(3);
      List<String> values = List.of(prefix + "2", "Vũ Minh Đức", "2000-06-15", "MALE", "KTNN-01", "2014-09-02",
          "COLLEGE", "GOOD", String.valueOf(lastYear()));
      for (int i = 0; i < values.size(); i++) {
        second.createCell(i).setCellValue(values.get(i));
      }
      workbook.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("không nhập trang này");
      workbook.write(out);
      xlsx = out.toByteArray();
    }

    ResponseEntity<Map<String, Object>> answer = upload("secretary", "danh-sach.xlsx", xlsx);

    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("imported", 2);
    assertThat(member("secretary", prefix + "1")).containsEntry("fullName", "Hoàng Thị Thu Hương")
        .containsEntry("birthDate", "2001-02-28").containsEntry("youthUnionJoinDate", "2016-03-26")
        .containsEntry("awarenessCertificateDate", "2023-12-31").containsEntry("lastRatingYear", lastYear())
        .containsEntry("youthUnionActive", false);
    assertThat(member("secretary", prefix + "2")).containsEntry("birthDate", "2000-06-15")
        .containsEntry("youthUnionActive", true);
  }

  @Test
  void everyKindOfBadRowIsListedByRowAndColumnAndNothingIsStored() {
    String registered = testMembers.eligible();
    LocalDate tomorrow = testMembers.today().plusDays(1);
    List<List<String>> rows = new ArrayList<>();
    rows.add(good(prefix + "1"));                                           // row 2: good, yet not stored
    rows.add(with(good(prefix + "2"), "fullName", ""));                     // row 3: missing required value
    rows.add(with(good(prefix + "3"), "birthDate", "15/04/2002"));          // row 4: not an ISO date
    rows.add(with(good(prefix + "4"), "birthDate", "2001-02-30"));          // row 5: impossible date
    rows.add(with(good(prefix + "5"), "youthUnionJoinDate", tomorrow.toString())); // row 6: future date
    rows.add(with(with(good(prefix + "6"), "gender", "NAM"), "lastRating", "XUAT_SAC")); // row 7: two bad enums
    rows.add(with(good(prefix + "7"), "lastRatingYear", "hai nghìn"));      // row 8: not a year
    rows.add(with(good(prefix + "8"), "lastRatingYear", String.valueOf(tomorrow.getYear() + 1))); // row 9: future
    rows.add(with(with(good(prefix + "9"), "birthDate", "2003-05-01"), "youthUnionJoinDate", "2003-04-30")); // 10
    rows.add(with(good(prefix + "1"), "fullName", "Bản sao"));              // row 11: code twice in the file
    rows.add(good(registered));                                             // row 12: code registered already
    rows.add(with(good(prefix + "10"), "branchCode", "KHONG-CO"));          // row 13: no such branch
    rows.add(with(good(prefix + "11"), "branchCode", "HVBC-01"));           // row 14: another unit's branch
    rows.add(with(good("mã có dấu"), "awarenessCertificateDate", tomorrow.toString())); // row 15: code, future date

    ResponseEntity<Map<String, Object>> answer = upload("secretary", "loi.csv", csv(',', rows));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(pairs(answer)).containsExactly("3/fullName", "4/birthDate", "5/birthDate", "6/youthUnionJoinDate",
        "7/gender", "7/lastRating", "8/lastRatingYear", "9/lastRatingYear", "10/youthUnionJoinDate", "11/code",
        "12/code", "13/branchCode", "14/branchCode", "15/code", "15/awarenessCertificateDate");
    assertThat(answer.getBody().get("message").toString()).contains("15 lỗi ở 13 dòng", "Chưa lưu đoàn viên nào");
    List<Map<String, Object>> problems = problems(answer);
    assertThat(problems.get(1)).containsEntry("value", "15/04/2002");
    assertThat(problems.get(1).get("reason").toString()).contains("Ngày sinh", "yyyy-MM-dd");
    assertThat(problems.get(9).get("reason").toString()).contains("dòng 2");
    assertThat(problems.get(10).get("reason").toString()).contains("Đã có đoàn viên mang mã " + registered);
    assertThat(problems.get(12)).containsEntry("value", "HVBC-01");
    assertThat(problems).allSatisfy(p -> assertThat(p.get("reason").toString()).isNotBlank());
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void tenThousandRowsAreImportedCompletely() {
    List<List<String>> rows = IntStream.rangeClosed(1, 10_000).mapToObj(i -> good(prefix + i)).toList();

    ResponseEntity<Map<String, Object>> answer = upload("admin", "muoi-nghin.csv", csv(';', rows));

    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("imported", 10_000);
    assertThat(storedWithPrefix()).isEqualTo(10_000);
    assertThat(member("secretary", prefix + "5000")).containsEntry("fullName", "Đoàn Viên Thử " + prefix + "5000");
  }

  @Test
  void tenThousandRowsWithOneBadRowInTheMiddleStoreNothing() {
    List<List<String>> rows = new ArrayList<>(IntStream.rangeClosed(1, 10_000).mapToObj(i -> good(prefix + i))
        .toList());
    rows.set(4_999, with(rows.get(4_999), "education", "MAU_GIAO"));

    ResponseEntity<Map<String, Object>> answer = upload("admin", "muoi-nghin.csv", csv(',', rows));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(pairs(answer)).containsExactly("5001/education");
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void aBranchSecretaryCannotImportIntoAnotherUnitsBranch() {
    List<List<String>> rows = List.of(
        with(good(prefix + "1"), "branchCode", "HVBC-01"),
        good(prefix + "2"),
        good(prefix + "3"));

    ResponseEntity<Map<String, Object>> answer = upload("secretary2", "ktnn.csv", csv(',', rows));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(pairs(answer)).containsExactly("3/branchCode", "4/branchCode");
    assertThat(problems(answer).get(0).get("reason").toString()).contains("không có quyền", "KTNN-01");
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void anImportNeedsSigningIn() {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", file("a.csv", csv(',', List.of(good(prefix + "1")))));

    ResponseEntity<String> answer = rest.postForEntity("/api/members/import", multipart(form), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void aFileThatCannotBeUsedIsRefusedWithAClearMessage() {
    String header = String.join(",", HEADER) + "\n";
    assertRefused(upload("secretary", "trong.csv", new byte[0]), "tệp trống");
    assertRefused(upload("secretary", "tieu-de.csv", bytes("\uFEFF" + header + ",,,\n")), "chỉ có dòng tiêu đề");
    assertRefused(upload("secretary", "danh-sach.txt", bytes(header)), "chỉ nhận tệp .csv hoặc .xlsx");
    assertRefused(upload("secretary", "danh-sach.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}),
        ".xls cũ không được hỗ trợ");
    assertRefused(upload("secretary", "hong.xlsx", bytes(header)), "không đọc được tệp Excel");
    String ansi = header + prefix + "1,Nguyễn Văn An,2001-05-12,MALE,KTNN-01,2016-03-26,UNIVERSITY,GOOD,2025,\n";
    assertRefused(upload("secretary", "ansi.csv", ansi.getBytes(Charset.forName("windows-1258"))), "UTF-8");
    assertRefused(upload("secretary", "ngoac.csv", bytes(header + "\"" + prefix + "1,Nguyễn\n")), "sai cấu trúc");
    byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
    assertRefused(upload("secretary", "lon.csv", tooLarge), "lớn quá 10 MB");
    List<List<String>> tooMany = IntStream.rangeClosed(1, MemberImport.MAX_ROWS + 1).mapToObj(i -> good(prefix + i))
        .toList();
    assertRefused(upload("admin", "nhieu.csv", csv(',', tooMany)), "hơn 20.000 đoàn viên");

    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("other", "x");
    assertRefused(rest.withBasicAuth("secretary", "demo").exchange("/api/members/import", HttpMethod.POST,
        multipart(noFile), OBJECT), "chưa chọn tệp");
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void aHeaderWithUnknownOrMissingColumnsIsReported() {
    String csv = "code;fullName;birthDate;sex;branchCode;branchCode;education;lastRating;lastRatingYear;;\n"
        + prefix + "1;Nguyễn Văn An;2001-05-12;MALE;KTNN-01;KTNN-01;UNIVERSITY;GOOD;2025;;lạc cột\n";

    ResponseEntity<Map<String, Object>> answer = upload("secretary", "cot.csv", bytes(csv));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(pairs(answer)).containsExactly("1/sex", "1/branchCode", "1/gender", "1/youthUnionJoinDate",
        "1/Cột K");
    assertThat(answer.getBody().get("message").toString()).contains("dòng tiêu đề");
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void aNameTheDocumentsCannotPrintIsRefusedByTheApiAndByTheImport() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    List<String> values = with(good(prefix + "1"), "fullName", "Nguyễn Văn An 😀");
    for (int i = 0; i < HEADER.size(); i++) {
      body.put(HEADER.get(i), values.get(i).isEmpty() ? null : values.get(i));
    }

    ResponseEntity<Map<String, Object>> registered = rest.withBasicAuth("secretary", "demo").exchange("/api/members",
        HttpMethod.POST, new HttpEntity<>(body), OBJECT);
    ResponseEntity<Map<String, Object>> imported = upload("secretary", "ten.csv", csv(',', List.of(values,
        with(good(prefix + "2"), "fullName", "Trần Thị محمد"))));

    String rule = "Chỉ dùng chữ cái Latinh (kể cả tiếng Việt có dấu), chữ số và các dấu câu thông dụng.";
    assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(registered.getBody()).containsEntry("message", "Dữ liệu không hợp lệ").containsEntry("errors",
        List.of("Họ và tên (fullName) có ký tự không in được trên văn bản: 😀 (U+1F600). " + rule));
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problems(imported)).extracting(p -> p.get("row") + "/" + p.get("column") + "/" + p.get("reason"))
        .containsExactly("2/fullName/Họ và tên (fullName) có ký tự không in được trên văn bản: 😀 (U+1F600). " + rule,
            "3/fullName/Họ và tên (fullName) có ký tự không in được trên văn bản: م (U+0645), ح (U+062D), د (U+062F). "
                + rule);
    assertThat(storedWithPrefix()).isZero();
  }

  @Test
  void aWorkbookWithCellsAtTheLastColumnIsReadAtTheHeadersWidth() throws IOException {
    int rows = 2_000;
    ResponseEntity<Map<String, Object>> stray = upload("secretary", "rong.xlsx", workbookWithColumnXfd(rows, "x"));
    ResponseEntity<Map<String, Object>> blank = upload("secretary", "rong.xlsx", workbookWithColumnXfd(rows, " "));

    assertThat(stray.getStatusCode()).as("%s", stray.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problems(stray)).singleElement().satisfies(p -> assertThat(p).containsEntry("row", 1)
        .containsEntry("column", "Cột XFD")
        .containsEntry("reason", "Cột XFD có dữ liệu (từ dòng 2) nhưng không có tên ở dòng tiêu đề."));
    assertThat(blank.getStatusCode()).as("blank cells there are no data: %s", blank.getBody())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(blank.getBody()).containsEntry("imported", rows);
  }

  /** Good rows, each with {@code value} in column XFD (16,384th, the last one Excel has); codes of this test's own. */
  private byte[] workbookWithColumnXfd(int rows, String value) throws IOException {
    String codes = prefix + (value.isBlank() ? "b" : "s");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        List<String> values = good(codes + r);
        for (int i = 0; i < values.size(); i++) {
          row.createCell(i).setCellValue(values.get(i));
        }
        row.createCell(16_383).setCellValue(value);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private void assertRefused(ResponseEntity<Map<String, Object>> answer, String reason) {
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("message").toString()).startsWith("Không nhập được tệp").contains(reason);
    assertThat(answer.getBody().get("errors").toString()).contains(reason);
  }

  private List<String> good(String code) {
    return new ArrayList<>(List.of(code, "Đoàn Viên Thử " + code, "2001-05-12", "FEMALE", "KTNN-01", "2016-03-26",
        "UNIVERSITY", "EXCELLENT", String.valueOf(lastYear()), ""));
  }

  private static List<String> with(List<String> row, String column, String value) {
    row.set(HEADER.indexOf(column), value);
    return row;
  }

  private static byte[] csv(char delimiter, List<List<String>> rows) {
    String separator = String.valueOf(delimiter);
    return bytes(String.join(separator, HEADER) + "\r\n" + rows.stream().map(r -> String.join(separator, r))
        .collect(Collectors.joining("\r\n")) + "\r\n");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void dateCell(Row row, int column, LocalDate date, CellStyle style) {
    row.createCell(column).setCellValue(date);
    row.getCell(column).setCellStyle(style);
  }

  private int lastYear() {
    return testMembers.today().getYear() - 1;
  }

  private long storedWithPrefix() {
    return jdbc.queryForObject("select count(*) from member where code like ?", Long.class, prefix + "%");
  }

  private Map<String, Object> member(String user, String code) {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth(user, "demo")
        .exchange("/api/members/{code}", HttpMethod.GET, null, OBJECT, code);
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> problems(ResponseEntity<Map<String, Object>> answer) {
    return (List<Map<String, Object>>) answer.getBody().get("problems");
  }

  private static List<String> pairs(ResponseEntity<Map<String, Object>> answer) {
    return problems(answer).stream().map(p -> p.get("row") + "/" + p.get("column")).toList();
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String filename, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", file(filename, content));
    return rest.withBasicAuth(user, "demo").exchange("/api/members/import", HttpMethod.POST, multipart(form), OBJECT);
  }

  private static ByteArrayResource file(String filename, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(MultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, headers);
  }
}
