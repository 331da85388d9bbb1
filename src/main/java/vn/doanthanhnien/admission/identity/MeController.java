package vn.doanthanhnien.admission.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.unit.UnitKind;
import vn.doanthanhnien.admission.unit.UnitService;

/** Who is signed in, so that pages offer the units whose figures the user may see. */
@Tag(name = "Người dùng", description = "Người dùng đang đăng nhập")
@RestController
@RequestMapping("/api/me")
public class MeController {

  private final CurrentUser user;
  private final UserScope scope;
  private final UnitService units;
  private final IdentityService identity;
  private final EngineAsSystem system;

  public MeController(CurrentUser user, UserScope scope, UnitService units, IdentityService identity,
      EngineAsSystem system) {
    this.user = user;
    this.scope = scope;
    this.units = units;
    this.identity = identity;
    this.system = system;
  }

  /** @param name family name first, as Vietnamese names are written (Camunda's last name, then first name) */
  public record Me(String id, String name, boolean administrator, List<RoleInUnit> roles) {
  }

  public record RoleInUnit(Roles role, String roleTitle, String groupId, String unitCode, String unitName,
      UnitKind unitKind) {
  }

  @Operation(summary = "Người dùng đang đăng nhập", description = "Mã, họ tên, có phải quản trị viên, và các vai trò cùng đơn vị của từng vai trò.")
  @GetMapping
  public Me me() {
    String id = user.id();
    // Reading one's own profile needs no grant on the user resource.
    User profile = system.call(() -> identity.createUserQuery().userId(id).singleResult());
    String name = Stream.of(profile.getLastName(), profile.getFirstName()).filter(p -> p != null && !p.isBlank())
        .reduce((family, given) -> family + " " + given).orElse(id);
    // A group whose unit is not (or no longer) in the registry gives no unit to offer.
    List<RoleInUnit> roles = scope.roles().stream().flatMap(r -> units.find(r.unitCode()).stream()
        .map(unit -> new RoleInUnit(r.role(), r.role().title(), r.role().groupOf(unit.getCode()), unit.getCode(),
            unit.getName(), unit.getKind()))).toList();
    return new Me(id, name, user.groupIds().contains(Roles.ADMIN_GROUP), roles);
  }
}
