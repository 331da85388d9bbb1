package vn.doanthanhnien.admission.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import vn.doanthanhnien.admission.common.NotFoundException;

@Tag(name = "Tài liệu", description = "Văn bản của từng bước (mẫu 4_1-KNĐ … 9-KNĐ)")
@RestController
@RequestMapping("/api/candidacies/{id}/documents")
public class DocumentController {

  private final StageDocuments documents;

  public DocumentController(StageDocuments documents) {
    this.documents = documents;
  }

  @Operation(summary = "Danh sách tài liệu của hồ sơ", description = "Các văn bản của những bước đã làm, mỗi văn bản có đường dẫn .docx và .pdf.")
  @GetMapping
  public List<DocumentView> list(@PathVariable Long id) {
    return documents.available(id).stream().map(d -> DocumentView.of(id, d)).toList();
  }

  /** {@code 4_1-KND.docx}, {@code 9-KND.pdf}. */
  @Operation(summary = "Tải một tài liệu", description = "`form`: mã mẫu (ví dụ `4_1-KND`); `extension`: `docx` hoặc `pdf`.")
  @GetMapping("/{form}.{extension}")
  public ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable String form,
      @PathVariable String extension, HttpServletResponse response) {
    DocumentFormat format = DocumentFormat.ofExtension(extension).orElseThrow(() -> new NotFoundException(
        "Văn bản chỉ có dạng .docx hoặc .pdf, không có dạng ." + extension + "."));
    StageDocuments.Rendered document = documents.render(id, form, format);
    // server.servlet.encoding.force gives every response a charset; a binary file has none.
    response.setCharacterEncoding(null);
    return ResponseEntity.ok()
        .contentType(format.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.fileName()))
        .body(document.content());
  }

  /** An ASCII name for old clients and the exact Vietnamese one (RFC 6266) for the others. */
  public static String attachment(String fileName) {
    String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace('đ', 'd').replace('Đ', 'D')
        .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + UriUtils.encode(Normalizer.normalize(fileName, Normalizer.Form.NFC), StandardCharsets.UTF_8);
  }
}
