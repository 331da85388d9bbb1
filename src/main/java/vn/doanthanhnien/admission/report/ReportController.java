package vn.doanthanhnien.admission.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.report.ReportService.AnnualReport;

@RestController
@RequestMapping("/api")
public class ReportController {

  private final ReportService reports;

  public ReportController(ReportService reports) {
    this.reports = reports;
  }

  @PutMapping("/quotas/{year}/{unitCode}")
  public QuotaView setQuota(@PathVariable int year, @PathVariable String unitCode, @RequestBody QuotaRequest request) {
    Quota quota = reports.setQuota(year, unitCode, request.introduced());
    return new QuotaView(quota.getYear(), quota.getUnitCode(), quota.getIntroduced());
  }

  @GetMapping("/reports/annual")
  public AnnualReport annual(@RequestParam int year, @RequestParam String unit) {
    return reports.annual(year, unit);
  }

  public record QuotaRequest(Object introduced) {
  }

  public record QuotaView(int year, String unitCode, int introduced) {
  }
}
