package vn.doanthanhnien.admission.pool;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Nguồn phát triển đảng viên", description = "Đoàn viên đủ hoặc sắp đủ điều kiện đề cử")
@RestController
public class PoolController {

  private final PoolService pool;

  public PoolController(PoolService pool) {
    this.pool = pool;
  }

  @Operation(summary = "Nguồn phát triển đảng viên của một đơn vị", description = "Đoàn viên các chi đoàn thuộc đơn "
      + "vị (trong phạm vi của người dùng) đủ điều kiện đề cử ngay (NOW), đủ trong năm (WITHIN_YEAR, từ eligibleFrom), "
      + "và trong số đủ ngay, người quá tuổi đoàn trong 12 tháng tới (agingOut, đủ đến eligibleUntil). Không gồm đoàn "
      + "viên đang có hồ sơ hoặc đã được kết nạp. `year`: năm nay (mặc định) hoặc năm sau.")
  @GetMapping("/api/pool")
  public PoolService.Pool of(@RequestParam String unit, @RequestParam(required = false) Integer year) {
    return pool.of(unit, year);
  }
}
