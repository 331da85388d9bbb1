package vn.doanthanhnien.admission.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The OpenAPI document of /api: administrators only, OpenAPI 3, and every /api operation Spring MVC serves is in it,
 * with a Vietnamese summary, so that a new endpoint cannot be left out.
 */
@PipelineTest
class OpenApiDocumentTest {

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void theDocumentAndItsUiAreForAdministratorsOnly() {
    for (String path : new String[] {"/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      ResponseEntity<String> officer = rest.withBasicAuth("secretary", "demo").getForEntity(path, String.class);
      assertThat(officer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(officer.getBody()).contains("Chỉ quản trị viên");
    }
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/swagger-ui/index.html", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyApiOperationIsDocumentedAndNothingElse() throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").getForEntity("/api-docs", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    OpenAPI document = Json.mapper().readValue(answer.getBody(), OpenAPI.class);
    assertThat(document.getOpenapi()).startsWith("3.");
    assertThat(document.getInfo().getTitle()).isEqualTo("API kết nạp đoàn viên ưu tú vào Đảng");
    assertThat(document.getInfo().getVersion()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(document.getExternalDocs().getUrl()).isEqualTo(OpenApiConfiguration.CAMUNDA_REST_REFERENCE);

    Set<String> served = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(path -> path.startsWith("/api/"))
        .forEach(path -> info.getMethodsCondition().getMethods().forEach(method ->
            served.add(method + " " + path))));
    assertThat(served).hasSizeGreaterThan(20);

    Set<String> documented = new TreeSet<>();
    document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      documented.add(method + " " + path);
      assertThat(operation.getSummary()).as(method + " " + path + " has a summary").isNotBlank();
      assertThat(operation.getResponses().get("403").getContent().get("application/json").getSchema().get$ref())
          .as(method + " " + path + " documents its refusals").endsWith("/ErrorBody");
    }));
    assertThat(documented).as("the document lists exactly the /api operations Spring MVC serves")
        .isEqualTo(served);
    assertThat(document.getPaths().keySet()).allMatch(path -> path.startsWith("/api/"));

    assertThat(document.getComponents().getSchemas().get("ErrorBody").getProperties())
        .containsOnlyKeys("message", "errors");
    assertThat(document.getComponents().getSchemas().get("ImportRefused").getProperties())
        .containsKeys("message", "errors", "problems");
  }
}
