package vn.doanthanhnien.admission.identity;

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
@RestController
@RequestMapping("/api/units")
public class UnitAdministrationController {

  private final RoleGroups groups;

  public UnitAdministrationController(RoleGroups groups) {
    this.groups = groups;
  }

  @PostMapping
  public ResponseEntity<UnitView> create(@RequestBody UnitRequest request) {
    OrgUnit unit = groups.createUnit(request);
    return ResponseEntity.created(URI.create("/api/units/" + unit.getCode())).body(UnitView.of(unit));
  }
}
