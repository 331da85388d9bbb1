package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.PipelineTest;

/** {@code GET /api/me}: who is signed in, whether they administer, and their roles with the units of each. */
@PipelineTest
class MeApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @Test
  void aBranchSecretaryAndAPartyCellOfficerSeeTheirOneRoleAndUnit() {
    assertThat(me("secretary")).containsEntry("id", "secretary").containsEntry("name", "Nguyễn Minh Anh")
        .containsEntry("administrator", false)
        .containsEntry("roles", List.of(Map.of("role", "BRANCH_SECRETARY", "roleTitle", "Bí thư chi đoàn",
            "groupId", "branch-secretary.KTNN-01", "unitCode", "KTNN-01", "unitName", "Chi đoàn Vụ Tổng hợp",
            "unitKind", "YOUTH_BRANCH")));
    assertThat(me("partycell")).containsEntry("name", "Phạm Văn Hùng").containsEntry("administrator", false)
        .containsEntry("roles", List.of(Map.of("role", "PARTY_CELL", "roleTitle", "Chi ủy / Bí thư chi bộ",
            "groupId", "party-cell.CB-KTNN-01", "unitCode", "CB-KTNN-01", "unitName", "Chi bộ Vụ Tổng hợp",
            "unitKind", "PARTY_CELL")));
  }

  @Test
  void anAdministratorIsMarkedAsSuchAndAUserOfTwoUnitsGetsBoth() {
    assertThat(me("admin")).containsEntry("name", "Quản trị Hệ thống").containsEntry("administrator", true)
        .containsEntry("roles", List.of());

    if (identity.createUserQuery().userId("me-two-units").count() == 0) {
      User user = identity.newUser("me-two-units");
      user.setFirstName("Thị Hoa");
      user.setLastName("Đoàn");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership("me-two-units", "youth-committee.HVBC");
      identity.createMembership("me-two-units", "party-committee.DU-HVBC");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> roles = (List<Map<String, Object>>) me("me-two-units").get("roles");
    assertThat(roles).extracting(r -> r.get("role") + " " + r.get("unitCode") + " " + r.get("unitName"))
        .containsExactlyInAnyOrder("YOUTH_COMMITTEE HVBC Đoàn Học viện Báo chí và Tuyên truyền",
            "PARTY_COMMITTEE DU-HVBC Đảng ủy Học viện Báo chí và Tuyên truyền");
  }

  @Test
  void withoutSigningInTheAnswerIs401() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/me", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody()).contains("Cần đăng nhập");
  }

  private Map<String, Object> me(String user) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, "demo").exchange("/api/me",
        HttpMethod.GET, null, OBJECT);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
