package vn.doanthanhnien.admission.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.PipelineTest;

/** The load balancer's probes anonymous with a bare status; the rest of /actuator for administrators only. */
@PipelineTest
class HealthAndInfoTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired HealthEndpointGroups groups;
  @Autowired RepositoryService repository;

  @Test
  void theProbesAnswerUpToAnyoneWithTheStatusOnly() throws Exception {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      ResponseEntity<String> answer = rest.getForEntity(probe, String.class);
      assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      JsonNode body = json.readTree(answer.getBody());
      assertThat(body.get("status").asText()).as(probe).isEqualTo("UP");
      assertThat(body.size()).as(probe + " shows nothing but its status: " + body).isEqualTo(1);
    }
  }

  @Test
  void readinessWaitsForTheDatabaseAndTheJobExecutor() {
    HealthEndpointGroup readiness = groups.get("readiness");
    assertThat(readiness.isMember("db")).isTrue();
    assertThat(readiness.isMember("jobExecutor")).isTrue();
    assertThat(readiness.isMember("readinessState")).isTrue();
    assertThat(groups.get("liveness").isMember("db")).as("a slow database must not restart the node").isFalse();
  }

  @Test
  void readinessIsDownWhenTheDatabaseCannotBeReached() {
    DataSourceHealthIndicator db = new DataSourceHealthIndicator(new UnreachableDataSource());
    Status status = db.health().getStatus();
    assertThat(status).isEqualTo(Status.DOWN);
    assertThat(groups.get("readiness").getStatusAggregator().getAggregateStatus(Status.UP, status, Status.UP))
        .isEqualTo(Status.DOWN);
  }

  @Test
  void theFullHealthIsForAdministratorsWithEveryIndicatorsDetails() throws Exception {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("secretary", "demo").getForEntity("/actuator/health", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> admin = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", String.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode components = json.readTree(admin.getBody()).get("components");
    assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("jobExecutor").get("details").get("jobExecution").asText())
        .isEqualTo("disabled by configuration");
  }

  @Test
  void infoIsRefusedToAnonymousAndToOfficers() throws Exception {
    ResponseEntity<String> anonymous = rest.getForEntity("/actuator/info", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(json.readTree(anonymous.getBody()).get("message").asText()).startsWith("Cần đăng nhập");

    ResponseEntity<String> officer = rest.withBasicAuth("secretary", "demo").getForEntity("/actuator/info",
        String.class);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode refusal = json.readTree(officer.getBody());
    assertThat(refusal.get("message").asText()).isEqualTo(
        "Chỉ quản trị viên (nhóm camunda-admin) được xem thông tin vận hành của hệ thống.");
    assertThat(refusal.get("errors").isArray()).isTrue();
    assertThat(refusal.get("errors").size()).isZero();
  }

  @Test
  void infoShowsTheAdministratorTheBuildAndTheLatestModelVersions() throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/info", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode info = json.readTree(answer.getBody());
    assertThat(info.get("build").get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(info.get("build").get("artifact").asText()).isEqualTo("party-admission");

    JsonNode processes = info.get("models").get("processes");
    repository.createProcessDefinitionQuery().latestVersion().list().forEach(definition ->
        assertThat(processes.get(definition.getKey()).asInt()).as(definition.getKey())
            .isEqualTo(definition.getVersion()));
    assertThat(processes.has("party-admission")).isTrue();
    assertThat(processes.has("probation")).isTrue();
    JsonNode decisions = info.get("models").get("decisions");
    repository.createDecisionDefinitionQuery().latestVersion().list().forEach(definition ->
        assertThat(decisions.get(definition.getKey()).asInt()).as(definition.getKey())
            .isEqualTo(definition.getVersion()));
    assertThat(decisions.has("nominationEligibility")).isTrue();
  }

  /** A database that cannot be reached: every connection attempt fails, as with the server down. */
  private static final class UnreachableDataSource implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("Connection refused", "08001");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
