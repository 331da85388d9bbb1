package vn.doanthanhnien.admission.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The holiday list over HTTP: read by any officer, changed by administrators only, and a change moves deadlines at
 * once. The context is shared with every other test, so whatever a test adds it removes.
 */
@PipelineTest
class HolidayApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  /** A Wednesday of a year whose list has no announced day near it. */
  private static final String ADDED = "2027-11-24";

  @Autowired TestRestTemplate rest;
  @Autowired WorkingDays workingDays;

  @Test
  void anyOfficerReadsTheSeededListOfAYearInDateOrder() {
    ResponseEntity<List<Map<String, Object>>> response = as("secretary").exchange("/api/holidays?year=2026",
        HttpMethod.GET, null, LIST);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).extracting(h -> h.get("date")).containsExactly(
        "2026-01-01", "2026-01-02", "2026-01-10", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
        "2026-02-20", "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-22", "2026-08-31",
        "2026-09-01", "2026-09-02");
    assertThat(response.getBody().get(0)).containsEntry("name", "Tết Dương lịch").containsEntry("kind", "HOLIDAY")
        .containsEntry("note", "Điều 112 Bộ luật Lao động 2019");
    assertThat(response.getBody().get(2)).containsEntry("kind", "WORKING_WEEKEND");
  }

  @Test
  void onlyAdministratorsChangeTheList() {
    ResponseEntity<Map<String, Object>> put = as("secretary").exchange("/api/holidays/{date}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("name", "Ngày Văn hóa Việt Nam", "kind", "HOLIDAY")), OBJECT, ADDED);
    ResponseEntity<Map<String, Object>> delete = as("secretary").exchange("/api/holidays/{date}", HttpMethod.DELETE,
        null, OBJECT, "2026-01-01");

    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(dates(2027)).doesNotContain(ADDED);
    assertThat(dates(2026)).contains("2026-01-01");
  }

  @Test
  void aHolidayAddedByAnAdministratorIsSkippedAtOnceAndCountsAgainWhenRemoved() {
    LocalDate dayBefore = LocalDate.parse(ADDED).minusDays(1);
    assertThat(workingDays.plus(dayBefore, 1)).isEqualTo(LocalDate.parse(ADDED));

    ResponseEntity<Map<String, Object>> put = as("admin").exchange("/api/holidays/{date}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("name", "Ngày Văn hóa Việt Nam", "kind", "HOLIDAY",
            "note", "Nghị quyết 80-NQ/TW; chờ sửa đổi Điều 112 Bộ luật Lao động")), OBJECT, ADDED);
    try {
      assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(put.getBody()).containsEntry("date", ADDED).containsEntry("name", "Ngày Văn hóa Việt Nam")
          .containsEntry("kind", "HOLIDAY");
      assertThat(workingDays.plus(dayBefore, 1)).isEqualTo(LocalDate.parse("2027-11-25"));
      assertThat(dates(2027)).contains(ADDED);
    } finally {
      ResponseEntity<Map<String, Object>> delete = as("admin").exchange("/api/holidays/{date}", HttpMethod.DELETE,
          null, OBJECT, ADDED);
      assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    assertThat(workingDays.plus(dayBefore, 1)).isEqualTo(LocalDate.parse(ADDED));
    assertThat(as("admin").exchange("/api/holidays/{date}", HttpMethod.DELETE, null, OBJECT, ADDED).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void invalidInputIsRefusedWithEveryReasonInVietnamese() {
    ResponseEntity<Map<String, Object>> blank = as("admin").exchange("/api/holidays/{date}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("name", " ", "kind", "NGHI_LE")), OBJECT, ADDED);
    ResponseEntity<Map<String, Object>> workedWednesday = as("admin").exchange("/api/holidays/{date}",
        HttpMethod.PUT, new HttpEntity<>(Map.of("name", "Làm bù", "kind", "WORKING_WEEKEND")), OBJECT, ADDED);
    ResponseEntity<Map<String, Object>> impossibleDate = as("admin").exchange("/api/holidays/{date}",
        HttpMethod.PUT, new HttpEntity<>(Map.of("name", "Không có", "kind", "HOLIDAY")), OBJECT, "2027-02-30");

    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(blank)).containsExactly("Tên ngày (name) là bắt buộc.",
        "Loại ngày (kind: HOLIDAY, WORKING_WEEKEND) không hợp lệ: NGHI_LE.");
    assertThat(workedWednesday.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(workedWednesday)).containsExactly(
        "Ngày làm bù (WORKING_WEEKEND) phải là thứ Bảy hoặc Chủ nhật; ngày 2027-11-24 là thứ Tư.");
    assertThat(impossibleDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(impossibleDate)).containsExactly(
        "Ngày (date) không phải là ngày hợp lệ (định dạng yyyy-MM-dd): 2027-02-30.");
    assertThat(dates(2027)).doesNotContain(ADDED);
  }

  private List<Object> dates(int year) {
    ResponseEntity<List<Map<String, Object>>> response = as("admin").exchange("/api/holidays?year={year}",
        HttpMethod.GET, null, LIST, year);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().map(h -> h.get("date")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> errors(ResponseEntity<Map<String, Object>> response) {
    return (List<String>) response.getBody().get("errors");
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
