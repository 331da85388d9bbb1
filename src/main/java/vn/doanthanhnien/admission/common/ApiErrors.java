package vn.doanthanhnien.admission.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the domain's exceptions into JSON answers of /api: Vietnamese for users, English in the log. */
@RestControllerAdvice(basePackages = "vn.doanthanhnien.admission")
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private final LostRaces lostRaces;

  public ApiErrors(LostRaces lostRaces) {
    this.lostRaces = lostRaces;
  }

  @Schema(name = "ErrorBody", description = "Lỗi của /api: thông báo tiếng Việt cho người dùng")
  public record ErrorBody(
      @Schema(description = "Thông báo chung, ví dụ \"Dữ liệu không hợp lệ\"", example = "Dữ liệu không hợp lệ")
      String message,
      @Schema(description = "Từng lý do cụ thể (trường nào sai và vì sao); rỗng khi không có",
          example = "[\"Ngày sinh không được sau ngày hôm nay.\"]")
      List<String> errors) {
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ErrorBody> invalid(InvalidInputException e) {
    LOG.info("Request refused as invalid: {} reason(s)", e.getReasons().size());
    return ResponseEntity.badRequest().body(new ErrorBody("Dữ liệu không hợp lệ", e.getReasons()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    LOG.info("Unreadable request body: {}", e.getMostSpecificCause().getMessage());
    return ResponseEntity.badRequest().body(new ErrorBody("Dữ liệu không hợp lệ",
        List.of("Nội dung yêu cầu không đúng định dạng JSON hoặc có giá trị không hợp lệ (ngày theo dạng yyyy-MM-dd, "
            + "danh mục theo đúng mã quy định).")));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ErrorBody> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ErrorBody> forbidden(ForbiddenException e) {
    LOG.info("Request denied: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorBody(e.getMessage(), List.of()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ErrorBody> conflict(ConflictException e) {
    LOG.info("Request conflicts with current state: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.getMessage(), List.of()));
  }

  /**
   * Two requests changed the same record at once: the candidacy's or probation's version ({@code @Version}), a row
   * of the engine's, a lock the database gave up waiting for or a deadlock it broke, or a row with the same key
   * inserted by a concurrent request after this one checked for it (a quota written twice at once, say). The later
   * one was rolled back whole. However the engine or JPA wrapped it ({@link LostRaces}); any other failure of theirs
   * is a defect, answered 500.
   */
  @ExceptionHandler({ConcurrencyFailureException.class, ProcessEngineException.class,
      DataIntegrityViolationException.class, PersistenceException.class})
  ResponseEntity<ErrorBody> concurrentChange(RuntimeException e) {
    if (!lostRaces.causedBy(e)) {
      // Rethrown, the container answers 500 without a line in the log: say what it was.
      LOG.error("Request failed with an error that is no lost race", e);
      throw e;
    }
    LOG.info("Request lost a race with a concurrent change: {}: {}", e.getClass().getSimpleName(), e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(EngineRestConflicts.CONCURRENT_CHANGE,
        List.of()));
  }
}
