package vn.doanthanhnien.admission.handover;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.common.NotFoundException;
import vn.doanthanhnien.admission.document.DocumentController;
import vn.doanthanhnien.admission.document.DocumentFormat;
import vn.doanthanhnien.admission.document.StageDocuments;

@Tag(name = "Trao danh sách", description = "Danh sách đoàn viên ưu tú Ban Chấp hành Đoàn cơ sở giới thiệu cho Đảng")
@RestController
@RequestMapping("/api/handovers")
public class HandoverController {

  private final HandoverService handovers;

  public HandoverController(HandoverService handovers) {
    this.handovers = handovers;
  }

  /** @param handedOverBy who handed the list over (name and office) */
  public record HandoverRequest(String unit, String from, String to, String handedOverOn, String handedOverBy) {
  }

  @Operation(summary = "Ghi nhận việc trao danh sách", description = "Đoàn cơ sở `unit` trao cho Đảng ủy danh sách "
      + "đoàn viên được giới thiệu (nghị quyết giới thiệu đạt) từ `from` đến `to`: ngày trao và người trao được ghi vào "
      + "từng hồ sơ trong danh sách. 409 nếu có hồ sơ đã trao trước đó.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public HandoverService.Recorded handOver(@RequestBody HandoverRequest request) {
    return handovers.handOver(request.unit(), request.from(), request.to(), request.handedOverOn(),
        request.handedOverBy());
  }

  @Operation(summary = "Tải danh sách đoàn viên được giới thiệu", description = "`extension`: `docx` hoặc `pdf`; "
      + "`unit`: mã Đoàn cơ sở; `from`, `to`: ngày nghị quyết giới thiệu (yyyy-MM-dd).")
  @GetMapping("/list.{extension}")
  public ResponseEntity<byte[]> list(@PathVariable String extension, @RequestParam String unit,
      @RequestParam String from, @RequestParam String to, HttpServletResponse response) {
    DocumentFormat format = DocumentFormat.ofExtension(extension).orElseThrow(() -> new NotFoundException(
        "Danh sách chỉ có dạng .docx hoặc .pdf, không có dạng ." + extension + "."));
    StageDocuments.Rendered document = handovers.list(unit, from, to, format);
    // server.servlet.encoding.force gives every response a charset; a binary file has none.
    response.setCharacterEncoding(null);
    return ResponseEntity.ok().contentType(format.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, DocumentController.attachment(document.fileName()))
        .body(document.content());
  }
}
