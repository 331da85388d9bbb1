package vn.doanthanhnien.admission.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.report.PipelineStages.Stage;
import vn.doanthanhnien.admission.report.ReportService.AnnualReport;
import vn.doanthanhnien.admission.report.ReportService.CounterCheck;

@Tag(name = "Chỉ tiêu và báo cáo", description = "Chỉ tiêu giới thiệu và báo cáo năm")
@RestController
@RequestMapping("/api")
public class ReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ReportService reports;
  private final AnnualReportWorkbook workbook;
  private final PipelineStages stages;

  public ReportController(ReportService reports, AnnualReportWorkbook workbook, PipelineStages stages) {
    this.reports = reports;
    this.workbook = workbook;
    this.stages = stages;
  }

  @Operation(summary = "Đặt chỉ tiêu giới thiệu của đơn vị trong năm (quản trị viên)", description = "Chỉ đơn vị Đoàn có chỉ tiêu (`introduced`); đơn vị Đảng bị từ chối với 400.")
  @PutMapping("/quotas/{year}/{unitCode}")
  public QuotaView setQuota(@PathVariable int year, @PathVariable String unitCode, @RequestBody QuotaRequest request) {
    return QuotaView.of(reports.setQuota(year, unitCode, request.introduced()));
  }

  /** The quotas set for the year: every unit's for administrators, an officer's own units' and those below. */
  @Operation(summary = "Chỉ tiêu của năm", description = "Quản trị viên: tất cả; cán bộ: đơn vị của mình và các đơn vị trực thuộc.")
  @GetMapping("/quotas/{year}")
  public List<QuotaView> quotas(@PathVariable int year) {
    return reports.quotas(year).stream().map(QuotaView::of).toList();
  }

  @Operation(summary = "Báo cáo năm của một đơn vị", description = "Chỉ tiêu, số được đề nghị, được giới thiệu, được kết nạp và tỉ lệ so với chỉ tiêu; hồ sơ đang xử lý theo bước, hồ sơ quá hạn; như vậy cho từng đơn vị trực thuộc.")
  @GetMapping("/reports/annual")
  public AnnualReport annual(@RequestParam int year, @RequestParam String unit) {
    return reports.annual(year, unit);
  }

  /** The same report as an Excel workbook; refused (as JSON) exactly when the JSON report is. */
  @Operation(summary = "Báo cáo năm dạng Excel", description = "Cùng báo cáo, mỗi đơn vị của cây tổ chức, tên bước bằng tiếng Việt.")
  @GetMapping("/reports/annual.xlsx")
  public ResponseEntity<byte[]> annualWorkbook(@RequestParam int year, @RequestParam String unit) {
    AnnualReport report = reports.annual(year, unit);
    String filename = "bao-cao-ket-nap-" + year + "-" + report.unitCode() + ".xlsx";
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(workbook.write(report));
  }

  /** Administrators: whether the counters the report reads agree with a recount of the candidacies. */
  @Operation(summary = "Đối chiếu bộ đếm của báo cáo năm với hồ sơ (quản trị viên)", description = "Đếm lại số được đề cử, được giới thiệu, được kết nạp trong năm của từng chi đoàn từ các hồ sơ và so với bộ đếm mà báo cáo năm đọc; `differences` liệt kê mọi chỗ lệch (rỗng khi khớp).")
  @GetMapping("/reports/counter-check")
  public CounterCheck counterCheck(@RequestParam int year) {
    return reports.checkCounters(year);
  }

  /** The stages of the pipeline in order, with their Vietnamese names: the keys of {@code inProgressByStage}. */
  @Operation(summary = "Các bước của quy trình", description = "Mã việc theo thứ tự quy trình, với tên hiển thị trong Tasklist.")
  @GetMapping("/reports/stages")
  public List<Stage> stages() {
    return stages.userTasks();
  }

  public record QuotaRequest(Object introduced) {
  }

  public record QuotaView(int year, String unitCode, int introduced) {
    static QuotaView of(Quota quota) {
      return new QuotaView(quota.getYear(), quota.getUnitCode(), quota.getIntroduced());
    }
  }
}
