package vn.doanthanhnien.admission.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.unit.UnitService.UnitRequest;

/**
 * The chain above a branch and a branch's name come from the unit tree as last read, without a query per task; a unit
 * added after that read, on this node or in the database by another, is known at once. Each test builds both trees of
 * its own, apart from the demo units.
 */
@PipelineTest
class UnitTreeReadsTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired UnitService units;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBranchAddedAfterTheTreeWasReadIsKnownAtOnce() {
    String prefix = chain();
    units.tree();
    units.create(new UnitRequest(prefix + "-CD", "Chi đoàn thêm sau", "YOUTH_BRANCH", prefix + "-DCS",
        prefix + "-CB"));

    assertThat(units.nameOf(prefix + "-CD")).isEqualTo("Chi đoàn thêm sau");
    assertThat(units.chainOfBranch(prefix + "-CD")).isEqualTo(expected(prefix));
  }

  @Test
  void aBranchInsertedByAnotherNodeIsKnownAtOnce() {
    String prefix = chain();
    units.tree();
    jdbc.update("insert into org_unit (code, name, kind, parent_code, party_cell_code) values (?, ?, ?, ?, ?)",
        prefix + "-CD", "Chi đoàn của nút khác", "YOUTH_BRANCH", prefix + "-DCS", prefix + "-CB");

    assertThat(units.chainOfBranch(prefix + "-CD")).isEqualTo(expected(prefix));
    assertThat(units.nameOf(prefix + "-CD")).isEqualTo("Chi đoàn của nút khác");
  }

  /** A grassroots youth unit and a Party chain of their own, with no branch yet; returns their codes' prefix. */
  private String chain() {
    String prefix = "UT" + ProcessHandle.current().pid() % 1000 + "X" + SEQUENCE.incrementAndGet();
    units.create(new UnitRequest(prefix + "-DCS", "Đoàn cơ sở thử", "YOUTH_GRASSROOTS", null, null));
    units.create(new UnitRequest(prefix + "-CT", "Cấp ủy thử", "PARTY_SUPERIOR_COMMITTEE", null, null));
    units.create(new UnitRequest(prefix + "-DU", "Đảng ủy thử", "PARTY_COMMITTEE", prefix + "-CT", null));
    units.create(new UnitRequest(prefix + "-CB", "Chi bộ thử", "PARTY_CELL", prefix + "-DU", null));
    return prefix;
  }

  private static UnitChain expected(String prefix) {
    return new UnitChain(prefix + "-CD", prefix + "-DCS", prefix + "-CB", prefix + "-DU", prefix + "-CT");
  }
}
