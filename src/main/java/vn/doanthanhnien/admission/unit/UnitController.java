package vn.doanthanhnien.admission.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Đơn vị")
@RestController
@RequestMapping("/api/units")
public class UnitController {

  private final UnitService units;

  public UnitController(UnitService units) {
    this.units = units;
  }

  @Operation(summary = "Danh sách đơn vị", description = "Các đơn vị của cả hai hệ thống, kèm chi bộ của từng chi đoàn.")
  @GetMapping
  public List<UnitView> list() {
    return units.all().stream().map(UnitView::of).toList();
  }

  /** @param kindTitle the kind as users call it ("Chi đoàn") */
  public record UnitView(String code, String name, UnitKind kind, String kindTitle, String parentCode,
      String partyCellCode) {
    public static UnitView of(OrgUnit u) {
      return new UnitView(u.getCode(), u.getName(), u.getKind(), u.getKind().title(), u.getParentCode(),
          u.getPartyCellCode());
    }
  }
}
