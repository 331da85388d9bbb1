package vn.doanthanhnien.admission.stall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.stall.StallService.Stalls;

@Tag(name = "Chỉ tiêu và báo cáo", description = "Chỉ tiêu giới thiệu và báo cáo năm")
@RestController
@RequestMapping("/api")
public class StallController {

  private final StallService stalls;

  public StallController(StallService stalls) {
    this.stalls = stalls;
  }

  @Operation(summary = "Hồ sơ chậm ở bước nào", description = "Theo từng bước của quy trình, với đơn vị và năm: số lượt đã hoàn thành trong năm, trung vị và bách phân vị 90 của số ngày làm việc mỗi lượt, số hồ sơ đang chờ ở bước và số hồ sơ đã chờ lâu hơn bách phân vị 90 của đơn vị; bước giữ nhiều hồ sơ chờ lâu nhất. Cùng quyền xem như báo cáo năm.")
  @GetMapping("/reports/stalls")
  public Stalls stalls(@RequestParam int year, @RequestParam String unit) {
    return stalls.stalls(year, unit);
  }
}
