package vn.doanthanhnien.admission.report;

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

  @PutMapping("/quotas/{year}/{unitCode}")
  public QuotaView setQuota(@PathVariable int year, @PathVariable String unitCode, @RequestBody QuotaRequest request) {
    return QuotaView.of(reports.setQuota(year, unitCode, request.introduced()));
  }

  /** The quotas set for the year: every unit's for administrators, an officer's own units' and those below. */
  @GetMapping("/quotas/{year}")
  public List<QuotaView> quotas(@PathVariable int year) {
    return reports.quotas(year).stream().map(QuotaView::of).toList();
  }

  @GetMapping("/reports/annual")
  public AnnualReport annual(@RequestParam int year, @RequestParam String unit) {
    return reports.annual(year, unit);
  }

  /** The same report as an Excel workbook; refused (as JSON) exactly when the JSON report is. */
  @GetMapping("/reports/annual.xlsx")
  public ResponseEntity<byte[]> annualWorkbook(@RequestParam int year, @RequestParam String unit) {
    AnnualReport report = reports.annual(year, unit);
    String filename = "bao-cao-ket-nap-" + year + "-" + report.unitCode() + ".xlsx";
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(workbook.write(report));
  }

  /** The stages of the pipeline in order, with their Vietnamese names: the keys of {@code inProgressByStage}. */
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
