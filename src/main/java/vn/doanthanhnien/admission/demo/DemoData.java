package vn.doanthanhnien.admission.demo;

import static vn.doanthanhnien.admission.unit.UnitKind.PARTY_CELL;
import static vn.doanthanhnien.admission.unit.UnitKind.PARTY_COMMITTEE;
import static vn.doanthanhnien.admission.unit.UnitKind.PARTY_SUPERIOR_COMMITTEE;
import static vn.doanthanhnien.admission.unit.UnitKind.YOUTH_BLOC;
import static vn.doanthanhnien.admission.unit.UnitKind.YOUTH_BRANCH;
import static vn.doanthanhnien.admission.unit.UnitKind.YOUTH_GRASSROOTS;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.identity.RoleGroups;
import vn.doanthanhnien.admission.identity.Roles;
import vn.doanthanhnien.admission.member.Education;
import vn.doanthanhnien.admission.member.Gender;
import vn.doanthanhnien.admission.member.Member;
import vn.doanthanhnien.admission.member.MemberRepository;
import vn.doanthanhnien.admission.member.Rating;
import vn.doanthanhnien.admission.unit.OrgUnit;
import vn.doanthanhnien.admission.unit.OrgUnitRepository;

/**
 * The demo organisation of docs/domain.md (bloc DK, units KTNN and HVBC with their Party cells and committees), its users
 * (password {@code demo}; the administrator {@code admin} comes from application-default.yml) and a few dozen
 * members. Only in the default (development) profile; each part is created once, so restarts on the H2 file keep
 * what users did.
 */
@Component
@Profile("default")
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final String PASSWORD = "demo";

  private static final List<OrgUnit> UNITS = List.of(
      new OrgUnit("DUK", "Đảng ủy Khối các cơ quan Trung ương", PARTY_SUPERIOR_COMMITTEE, null, null),
      new OrgUnit("DU-KTNN", "Đảng ủy Kiểm toán Nhà nước", PARTY_COMMITTEE, "DUK", null),
      new OrgUnit("CB-KTNN-01", "Chi bộ Vụ Tổng hợp", PARTY_CELL, "DU-KTNN", null),
      new OrgUnit("DU-HVBC", "Đảng ủy Học viện Báo chí và Tuyên truyền", PARTY_COMMITTEE, "DUK", null),
      new OrgUnit("CB-HVBC-01", "Chi bộ Khoa Báo chí", PARTY_CELL, "DU-HVBC", null),
      new OrgUnit("DK", "Đoàn Khối các cơ quan Trung ương", YOUTH_BLOC, null, null),
      new OrgUnit("KTNN", "Đoàn Thanh niên Kiểm toán Nhà nước", YOUTH_GRASSROOTS, "DK", null),
      new OrgUnit("KTNN-01", "Chi đoàn Vụ Tổng hợp", YOUTH_BRANCH, "KTNN", "CB-KTNN-01"),
      new OrgUnit("HVBC", "Đoàn Học viện Báo chí và Tuyên truyền", YOUTH_GRASSROOTS, "DK", null),
      new OrgUnit("HVBC-01", "Chi đoàn Khoa Báo chí", YOUTH_BRANCH, "HVBC", "CB-HVBC-01"));

  private record DemoUser(String id, String firstName, String lastName, Roles role, String unitCode) {
  }

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("secretary", "Minh Anh", "Nguyễn", Roles.BRANCH_SECRETARY, "KTNN-01"),
      new DemoUser("secretary2", "Thu Hà", "Trần", Roles.BRANCH_SECRETARY, "HVBC-01"),
      new DemoUser("youthcommittee", "Quốc Bảo", "Lê", Roles.YOUTH_COMMITTEE, "KTNN"),
      new DemoUser("partycell", "Văn Hùng", "Phạm", Roles.PARTY_CELL, "CB-KTNN-01"),
      new DemoUser("partycommittee", "Thị Lan", "Hoàng", Roles.PARTY_COMMITTEE, "DU-KTNN"),
      new DemoUser("superior", "Đức Thắng", "Vũ", Roles.SUPERIOR_COMMITTEE, "DUK"));

  private final IdentityService identity;
  private final RoleGroups groups;
  private final OrgUnitRepository units;
  private final MemberRepository members;
  private final BusinessClock clock;

  public DemoData(IdentityService identity, RoleGroups groups, OrgUnitRepository units, MemberRepository members,
      BusinessClock clock) {
    this.identity = identity;
    this.groups = groups;
    this.units = units;
    this.members = members;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void create() {
    if (units.count() == 0) {
      units.saveAll(UNITS);
      members.saveAll(demoMembers(clock.today()));
      LOG.info("Demo units and {} members created", members.count());
    }
    UNITS.forEach(groups::ensureFor);
    USERS.forEach(this::createUser);
  }

  private void createUser(DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@demo.doanthanhnien.vn");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.role().groupOf(demo.unitCode()));
    }
  }

  /**
   * Members of both branches, with birth dates relative to today so the demo stays valid over the years. Most are
   * eligible; a few are not, each for one rule, so that a refused nomination can be tried.
   */
  static List<Member> demoMembers(LocalDate today) {
    String[][] people = {
        {"Nguyễn Thị Mai", "F"}, {"Trần Văn Nam", "M"}, {"Lê Hoàng Phúc", "M"}, {"Phạm Thu Trang", "F"},
        {"Hoàng Minh Tuấn", "M"}, {"Vũ Ngọc Ánh", "F"}, {"Đặng Quang Huy", "M"}, {"Bùi Thị Hồng Nhung", "F"},
        {"Đỗ Đức Anh", "M"}, {"Hồ Thị Thanh Hương", "F"}, {"Ngô Văn Khánh", "M"}, {"Dương Thị Yến", "F"},
        {"Lý Minh Đức", "M"}, {"Trịnh Thị Phương", "F"}, {"Đinh Công Sơn", "M"}, {"Mai Thị Lan Anh", "F"},
        {"Phan Văn Lộc", "M"}, {"Tạ Thị Diệu Linh", "F"}, {"Lương Quốc Việt", "M"}, {"Châu Thị Kim Ngân", "F"},
        {"Cao Văn Thành", "M"}, {"Kiều Thị Thảo", "F"}, {"Tô Minh Hiếu", "M"}, {"Quách Thị Huyền", "F"},
        {"Lâm Gia Bảo", "M"}, {"Hà Thị Quỳnh", "F"}, {"Văn Đình Trọng", "M"}, {"Triệu Thị Thu", "F"},
        {"Thái Hữu Nghĩa", "M"}, {"Chu Thị Bích Ngọc", "F"}};
    List<Member> result = new java.util.ArrayList<>();
    for (int i = 0; i < people.length; i++) {
      boolean first = i % 2 == 0;
      String branch = first ? "KTNN-01" : "HVBC-01";
      String code = (first ? "KTNN01-" : "HVBC01-") + String.format("%03d", i / 2 + 1);
      LocalDate birth = today.minusYears(19 + i % 10).minusMonths(i % 11).withDayOfMonth(1 + i % 27);
      Rating rating = i % 3 == 0 ? Rating.EXCELLENT : Rating.GOOD;
      Education education = i % 4 == 0 ? Education.UNIVERSITY : Education.UPPER_SECONDARY;
      LocalDate certificate = i % 3 == 1 ? today.minusMonths(8 + i) : null;
      boolean active = true;
      switch (i) {
        case 24 -> birth = today.minusYears(18).plusMonths(1); // 17 years and 11 months
        case 25 -> rating = Rating.COMPLETED;
        case 26 -> education = Education.PRIMARY;
        case 27 -> active = false;
        case 28 -> certificate = today.minusMonths(72); // older than the certificate's validity
        default -> {
        }
      }
      result.add(new Member(code, people[i][0], birth, people[i][1].equals("F") ? Gender.FEMALE : Gender.MALE,
          branch, birth.plusYears(16), active, education, rating, today.getYear() - 1, certificate));
    }
    return result;
  }
}
