package vn.doanthanhnien.admission.member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.doanthanhnien.admission.member.ImportRefusedException.Problem;

/**
 * A branch's yearly ratings from a {@code .xlsx} or {@code .csv} file, all or none, by the rules of
 * {@link BranchRatings#record}: the header names the columns {@code memberCode} and {@code rating} (a column
 * {@code fullName} may stay for the reader and is not read); any problem refuses the whole file with every problem
 * listed by row and column, as the member import does.
 */
@Service
public class RatingImport {

  static final String CODE = "memberCode";
  static final String RATING = "rating";
  /** Read by people, not by the import: the sheet a secretary fills in names each member. */
  static final String NAME = "fullName";
  private static final List<String> COLUMNS = List.of(CODE, NAME, RATING);

  private final BranchRatings ratings;

  public RatingImport(BranchRatings ratings) {
    this.ratings = ratings;
  }

  public BranchRatings.Recorded importFile(String branchCode, int year, String filename, byte[] content) {
    if (content.length > MemberImport.MAX_MEGABYTES * 1024 * 1024) {
      throw MemberImport.tooLarge();
    }
    TableFile.Table table = TableFile.read(filename, content, MemberImport.MAX_ROWS);
    Map<String, Integer> column = columns(table.header());
    List<BranchRatings.Entry> entries = table.rows().stream().map(row -> new BranchRatings.Entry(row.number(),
        row.cell(column.get(CODE)), row.cell(column.get(RATING)))).toList();
    try {
      return ratings.record(branchCode, year, entries);
    } catch (BranchRatings.EntriesRefusedException e) {
      Map<Integer, TableFile.Row> byNumber = new HashMap<>();
      table.rows().forEach(row -> byNumber.put(row.number(), row));
      List<Problem> problems = e.getProblems().stream()
          .sorted(Comparator.comparingInt(BranchRatings.EntryProblem::row)
              .thenComparingInt(p -> column.get(p.field())))
          .map(p -> new Problem(p.row(), p.field(), byNumber.get(p.row()).cell(column.get(p.field())), p.reason()))
          .toList();
      long badRows = problems.stream().map(Problem::row).distinct().count();
      throw ImportRefusedException.cells("Không nhập được tệp xếp loại: " + problems.size() + " lỗi ở " + badRows
          + " dòng. Chưa lưu xếp loại nào; hãy sửa các lỗi rồi tải tệp lên lại.", problems);
    }
  }

  /** Where each column is, by its name in the header (any case); both read columns must be there, once. */
  private static Map<String, Integer> columns(TableFile.Row header) {
    Map<String, Integer> column = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cell(i) == null ? null : header.cell(i).trim();
      if (name == null) {
        continue;
      }
      String known = COLUMNS.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
          .findFirst().orElse(null);
      if (known == null) {
        problems.add(new Problem(header.number(), name, name, "Cột \"" + name + "\" không có trong mẫu xếp loại. Các "
            + "cột dùng được: " + String.join(", ", COLUMNS) + "."));
      } else if (column.putIfAbsent(known, i) != null) {
        problems.add(new Problem(header.number(), name, name, "Cột " + known + " có hai lần trong dòng tiêu đề."));
      }
    }
    List.of(CODE, RATING).stream().filter(c -> !column.containsKey(c)).forEach(c -> problems.add(
        new Problem(header.number(), c, null, "Thiếu cột bắt buộc " + c + ".")));
    if (!problems.isEmpty()) {
      throw ImportRefusedException.cells("Không nhập được tệp xếp loại: dòng tiêu đề (dòng " + header.number()
          + ") có " + problems.size() + " lỗi. Chưa lưu xếp loại nào.", problems);
    }
    return column;
  }
}
