package vn.doanthanhnien.admission.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.doanthanhnien.admission.member.ImportRefusedException.Problem;

/**
 * {@code POST /api/members/import} and {@code POST /api/branches/{branch}/ratings/{year}/import}, with the file in
 * the multipart field {@code file}. The upload is parsed only when
 * this controller asks for it ({@code spring.servlet.multipart.resolve-lazily}), so that an upload over the servlet's
 * hard cap too reaches the handlers below and gets a Vietnamese answer.
 */
@Tag(name = "Đoàn viên")
@RestController
public class MemberImportController {

  private static final Logger LOG = LoggerFactory.getLogger(MemberImportController.class);

  private final MemberImport imports;
  private final RatingImport ratings;

  public MemberImportController(MemberImport imports, RatingImport ratings) {
    this.imports = imports;
    this.ratings = ratings;
  }

  public record Imported(int imported, String message) {
  }

  /** {@code errors}: reasons the file as a whole was refused; {@code problems}: every wrong cell. */
  @Schema(name = "ImportRefused", description = "Tệp nhập đoàn viên bị từ chối")
  public record Refused(String message, List<String> errors, List<Problem> problems) {
  }

  @Operation(summary = "Nhập danh sách đoàn viên từ Excel hoặc CSV", description = "Tệp .xlsx hoặc .csv (UTF-8), tối đa 10 MB và 20.000 đoàn viên. Nhập tất cả hoặc không nhập gì: khi có lỗi trả về 400 với `problems` (dòng, cột, giá trị, lý do).")
  @ApiResponse(responseCode = "201", description = "Đã nhập tất cả đoàn viên trong tệp")
  @ApiResponse(responseCode = "400", description = "Tệp bị từ chối, không nhập đoàn viên nào: `errors` cho cả tệp, "
      + "`problems` cho từng ô sai", content = @Content(schema = @Schema(implementation = Refused.class)))
  @PostMapping("/api/members/import")
  public ResponseEntity<Imported> importFile(@RequestParam("file") MultipartFile file) throws IOException {
    if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
      throw ImportRefusedException.file("chưa chọn tệp.");
    }
    int imported = imports.importFile(file.getOriginalFilename(), file.getBytes());
    LOG.info("{} members imported from {}", imported, file.getOriginalFilename());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(imported, "Đã nhập " + imported + " đoàn viên."));
  }

  @Operation(summary = "Nhập xếp loại năm của chi đoàn từ Excel hoặc CSV", description = "Cột memberCode và rating "
      + "(fullName nếu có thì không đọc), cùng các kiểm tra như PUT /api/branches/{branch}/ratings/{year}. Ghi tất cả "
      + "hoặc không ghi gì: khi có lỗi trả về 400 với `problems` (dòng, cột, giá trị, lý do).")
  @ApiResponse(responseCode = "200", description = "Đã ghi xếp loại của mọi đoàn viên trong tệp")
  @ApiResponse(responseCode = "400", description = "Tệp bị từ chối, không ghi xếp loại nào",
      content = @Content(schema = @Schema(implementation = Refused.class)))
  @PostMapping("/api/branches/{branch}/ratings/{year}/import")
  public RatingController.RecordedView importRatings(@PathVariable String branch, @PathVariable int year,
      @RequestParam("file") MultipartFile file) throws IOException {
    if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
      throw ImportRefusedException.file("chưa chọn tệp.");
    }
    BranchRatings.Recorded recorded = ratings.importFile(branch, year, file.getOriginalFilename(), file.getBytes());
    LOG.info("{} ratings of {} recorded for branch {} from {}", recorded.recorded(), year, branch,
        file.getOriginalFilename());
    return RatingController.RecordedView.of(recorded);
  }

  @ExceptionHandler(ImportRefusedException.class)
  ResponseEntity<Refused> refused(ImportRefusedException e) {
    LOG.info("Import refused: {} problem(s), {} file reason(s)", e.getProblems().size(), e.getReasons().size());
    return ResponseEntity.badRequest().body(new Refused(e.getMessage(), e.getReasons(), e.getProblems()));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Refused> noFile(MissingServletRequestPartException e) {
    return refused(ImportRefusedException.file("chưa chọn tệp (trường file của biểu mẫu)."));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Refused> notAnUpload(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return refused(MemberImport.tooLarge());
    }
    LOG.info("Not a file upload: {}", e.getMessage());
    return refused(ImportRefusedException.file("yêu cầu phải gửi tệp dưới dạng multipart/form-data, trường file."));
  }
}
