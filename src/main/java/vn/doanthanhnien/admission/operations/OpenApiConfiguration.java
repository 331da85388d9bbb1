package vn.doanthanhnien.admission.operations;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.doanthanhnien.admission.common.ApiErrors.ErrorBody;

/**
 * The OpenAPI 3 document of {@code /api} ({@code /api-docs}, its UI at {@code /swagger-ui.html}; administrators only,
 * identity/SignInConfiguration): the application's own API, not Camunda's {@code /engine-rest}, which Camunda documents
 * itself. Every operation answers its refusals in the same shape ({@link ErrorBody}), listed once here.
 */
@Configuration
public class OpenApiConfiguration {

  static final String CAMUNDA_REST_REFERENCE = "https://docs.camunda.org/rest/camunda-bpm-platform/7.24/";
  private static final String BASIC = "basic";
  private static final String ERROR = "ErrorBody";

  /** The refusals every operation of /api may answer, in Vietnamese, with the error shape. */
  private static final Map<String, String> REFUSALS = Map.of(
      "400", "Dữ liệu không hợp lệ: `message` tóm tắt, `errors` liệt kê từng lý do.",
      "401", "Chưa đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic) hoặc đăng nhập Tasklist trước.",
      "403", "Người dùng không có quyền với đơn vị hoặc hồ sơ này, hoặc thao tác chỉ dành cho quản trị viên.",
      "404", "Không tìm thấy hồ sơ, đoàn viên, đơn vị hay tài liệu được yêu cầu.",
      "409", "Xung đột: bản ghi vừa được người khác thay đổi cùng lúc, hoặc trạng thái hiện tại không cho phép thao tác.",
      "429", "Đăng nhập sai quá nhiều lần từ địa chỉ này: thử lại sau số giây ghi trong tiêu đề Retry-After.");

  @Bean
  OpenAPI admissionApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    String version = properties == null ? "" : properties.getVersion();
    return new OpenAPI()
        .info(new Info()
            .title("API kết nạp đoàn viên ưu tú vào Đảng")
            .version(version == null || version.isBlank() ? "unknown" : version)
            .description("""
                API của ứng dụng (`/api`): hồ sơ đề nghị kết nạp, đoàn viên, đơn vị, chỉ tiêu và báo cáo năm, ngày \
                nghỉ, tài liệu của từng bước, thời gian dự bị.

                Đăng nhập bằng tài khoản Camunda: HTTP Basic (ứng dụng khác) hoặc phiên đăng nhập Tasklist (trình \
                duyệt; yêu cầu thay đổi dữ liệu phải kèm mã chống giả mạo `X-XSRF-TOKEN`). Mỗi cán bộ chỉ thấy hồ sơ \
                của đơn vị mình.

                Mọi lỗi trả về JSON `{"message": "…", "errors": ["…"]}` với thông báo tiếng Việt; riêng nhập danh \
                sách đoàn viên có thêm `problems` (dòng, cột, giá trị, lý do).

                API của Camunda (`/engine-rest`: việc, biểu mẫu, quy trình, triển khai mô hình) không nằm ở đây: \
                xem tài liệu REST của Camunda 7.24."""))
        .externalDocs(new ExternalDocumentation()
            .description("Tài liệu REST API của Camunda 7.24 (/engine-rest)")
            .url(CAMUNDA_REST_REFERENCE))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Tên đăng nhập và mật khẩu Camunda của cán bộ")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** The error shape as a schema, and the refusals on every operation that does not describe its own. */
  @Bean
  OpenApiCustomizer errorResponses() {
    return openApi -> {
      Map<String, Schema> schemas = ModelConverters.getInstance().read(new AnnotatedType(ErrorBody.class));
      schemas.forEach(openApi.getComponents()::addSchemas);
      Content error = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
          new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR)));
      openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
          REFUSALS.forEach((status, description) -> {
            if (operation.getResponses().get(status) == null) {
              operation.getResponses().addApiResponse(status,
                  new ApiResponse().description(description).content(error));
            }
          })));
    };
  }
}
