package vn.doanthanhnien.admission.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.UnitController.UnitView;
import vn.doanthanhnien.admission.unit.UnitService.UnitRequest;

/** {@code POST /api/units}: administrators add units; users then join a unit's group in Camunda Admin. */
@Tag(name = "Đơn vị", description = "Đơn vị của hai hệ thống tổ chức Đoàn và Đảng")
@RestController
@RequestMapping("/api/units")
public class UnitAdministrationController {

  private final RoleGroups groups;

  public UnitAdministrationController(RoleGroups groups) {
    this.groups = groups;
  }

  @Operation(summary = "Thêm đơn vị (quản trị viên)", description = "Tạo đơn vị cùng nhóm Camunda và các quyền của nhóm trong cùng một giao dịch. Loại đơn vị và đơn vị cấp trên phải hợp lệ (README, \"Administering units and users\").")
  @PostMapping
  public ResponseEntity<UnitView> create(@RequestBody UnitRequest request) {
    OrgUnit unit = groups.createUnit(request);
    return ResponseEntity.created(URI.create("/api/units/" + unit.getCode())).body(UnitView.of(unit));
  }
}
