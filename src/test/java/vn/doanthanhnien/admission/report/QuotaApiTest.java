package vn.doanthanhnien.admission.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Quotas over HTTP: administrators set them, every officer reads those of their own units and the units below them
 * (in the Party tree, the branches attached to their cells). Years 2031 and 2033 are used by no other test.
 */
@PipelineTest
class QuotaApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  @Autowired TestRestTemplate rest;

  @Test
  void administratorsSetQuotasAndOfficersReadThoseOfTheirOwnUnits() {
    int year = 2031;
    Map<String, Integer> set = Map.of("DK", 30, "KTNN", 18, "KTNN-01", 18, "HVBC", 12, "HVBC-01", 12);
    set.forEach((unit, quota) -> assertThat(put("admin", year, unit, quota).getStatusCode()).isEqualTo(HttpStatus.OK));

    assertThat(quotas("admin", year)).containsExactlyEntriesOf(sorted(set));
    assertThat(quotas("youthcommittee", year)).containsExactly(Map.entry("KTNN", 18), Map.entry("KTNN-01", 18));
    assertThat(quotas("secretary2", year)).containsExactly(Map.entry("HVBC-01", 12));
    assertThat(quotas("partycell", year)).as("the branch attached to the cell").containsExactly(
        Map.entry("KTNN-01", 18));
    assertThat(quotas("superior", year)).as("the branches of its cells")
        .containsExactly(Map.entry("HVBC-01", 12), Map.entry("KTNN-01", 18));
  }

  @Test
  void aQuotaIsForAYouthUnionUnitNeverForAPartyOne() {
    int year = 2034;
    for (String partyUnit : List.of("DUK", "DU-KTNN", "CB-KTNN-01")) {
      ResponseEntity<Map<String, Object>> refused = put("admin", year, partyUnit, 10);

      assertThat(refused.getStatusCode()).as(partyUnit).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).containsEntry("message", "Dữ liệu không hợp lệ");
      assertThat(refused.getBody().get("errors").toString()).contains("(" + partyUnit + ") là ",
          "chỉ tiêu giới thiệu đoàn viên ưu tú chỉ đặt cho đơn vị của Đoàn");
    }
    assertThat(quotas("admin", year)).as("nothing stored").isEmpty();
  }

  @Test
  void onlyAdministratorsChangeAQuotaAndBadInputIsRefusedInVietnamese() {
    int year = 2033;
    assertThat(put("admin", year, "KTNN", 10).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> byOfficer = put("youthcommittee", year, "KTNN", 99);
    assertThat(byOfficer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byOfficer.getBody()).containsEntry("message", "Chỉ quản trị hệ thống mới được thực hiện việc này.");
    ResponseEntity<Map<String, Object>> notANumber = put("admin", year, "KTNN", "mười");
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notANumber.getBody().get("errors").toString()).contains("phải là số nguyên");
    ResponseEntity<Map<String, Object>> badYear = put("admin", 1999, "KTNN", 10);
    assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badYear.getBody().get("errors").toString()).contains("Năm phải trong khoảng 2000–2100");
    assertThat(quotas("admin", year)).as("nothing changed").containsExactly(Map.entry("KTNN", 10));

    assertThat(put("admin", year, "KTNN", 12).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(quotas("youthcommittee", year)).containsExactly(Map.entry("KTNN", 12));

    ResponseEntity<Map<String, Object>> badGet = rest.withBasicAuth("admin", "demo").exchange("/api/quotas/1999",
        HttpMethod.GET, null, OBJECT);
    assertThat(badGet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getForEntity("/api/quotas/{year}", String.class, year).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<Map<String, Object>> put(String user, int year, String unit, Object quota) {
    return rest.withBasicAuth(user, "demo").exchange("/api/quotas/{year}/{unit}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("introduced", quota)), OBJECT, year, unit);
  }

  /** The quotas the user reads for the year, unit code to quota, in the order of the answer. */
  private Map<String, Integer> quotas(String user, int year) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(
        "/api/quotas/{year}", HttpMethod.GET, null, LIST, year);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Integer> quotas = new LinkedHashMap<>();
    response.getBody().forEach(q -> {
      assertThat(q).containsEntry("year", year);
      quotas.put((String) q.get("unitCode"), (Integer) q.get("introduced"));
    });
    return quotas;
  }

  private static Map<String, Integer> sorted(Map<String, Integer> quotas) {
    return new TreeMap<>(quotas);
  }
}
