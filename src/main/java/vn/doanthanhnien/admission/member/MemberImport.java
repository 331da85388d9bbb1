package vn.doanthanhnien.admission.member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Service;
import vn.doanthanhnien.admission.member.ImportRefusedException.Problem;

/**
 * Registers the members listed in a {@code .csv} or {@code .xlsx} file, all of them or none: the header names the
 * fields of {@code POST /api/members}, each row is checked by the same rules as a single registration
 * ({@link MemberService#registerAll}), and any problem refuses the whole file with every problem listed.
 */
@Service
public class MemberImport {

  /** Rows per file: ten thousand members with room to spare, and a bound on the work one upload can cause. */
  public static final int MAX_ROWS = 20_000;
  /** 20,000 rows take a few MB. The upload limit of spring.servlet.multipart lies above, so that this is answered. */
  public static final int MAX_MEGABYTES = 10;

  private static final List<String> REQUIRED = MemberRequest.FIELDS.stream()
      .filter(f -> !MemberRequest.OPTIONAL_FIELDS.contains(f)).toList();

  private final MemberService members;

  public MemberImport(MemberService members) {
    this.members = members;
  }

  /** The number of members registered. */
  public int importFile(String filename, byte[] content) {
    if (content.length > MAX_MEGABYTES * 1024 * 1024) {
      throw tooLarge();
    }
    TableFile.Table table = TableFile.read(filename, content, MAX_ROWS);
    Columns columns = Columns.of(table);
    List<MemberService.Row> rows = table.rows().stream()
        .map(row -> new MemberService.Row(row.number(), MemberRequest.fromText(field -> columns.value(row, field))))
        .toList();
    try {
      return members.registerAll(rows);
    } catch (MemberService.RowsRefusedException e) {
      Map<Integer, TableFile.Row> byNumber = table.rows().stream()
          .collect(Collectors.toMap(TableFile.Row::number, Function.identity()));
      List<Problem> problems = e.getProblems().stream()
          .sorted(Comparator.comparingInt(MemberService.RowProblem::row)
              .thenComparingInt(p -> columns.index(p.field())))
          .map(p -> new Problem(p.row(), columns.name(p.field()), columns.value(byNumber.get(p.row()), p.field()),
              p.reason()))
          .toList();
      long badRows = problems.stream().map(Problem::row).distinct().count();
      throw ImportRefusedException.cells("Không nhập được tệp: " + problems.size() + " lỗi ở " + badRows
          + " dòng. Chưa lưu đoàn viên nào; hãy sửa các lỗi rồi tải tệp lên lại.", problems);
    }
  }

  static ImportRefusedException tooLarge() {
    return ImportRefusedException.file("tệp lớn quá " + MAX_MEGABYTES + " MB; hãy chia thành nhiều tệp nhỏ hơn.");
  }

  /** Where each field is in the file, as its header names it. */
  private record Columns(Map<String, Integer> indexOfField, List<String> header) {

    static Columns of(TableFile.Table table) {
      TableFile.Row header = table.header();
      Map<String, String> fieldOfName = MemberRequest.FIELDS.stream()
          .collect(Collectors.toMap(f -> f.toLowerCase(Locale.ROOT), f -> f));
      Map<String, Integer> indexOfField = new LinkedHashMap<>();
      List<Problem> problems = new ArrayList<>();
      for (int i = 0; i < header.cells().size(); i++) {
        String name = header.cell(i) == null ? null : header.cell(i).trim();
        if (name == null) {
          continue;
        }
        String field = fieldOfName.get(name.toLowerCase(Locale.ROOT));
        if (field == null) {
          problems.add(new Problem(header.number(), name, name, "Cột \"" + name
              + "\" không có trong mẫu nhập. Các cột dùng được: " + String.join(", ", MemberRequest.FIELDS) + "."));
        } else if (indexOfField.putIfAbsent(field, i) != null) {
          problems.add(new Problem(header.number(), name, name, "Cột " + field + " có hai lần trong dòng tiêu đề."));
        }
      }
      REQUIRED.stream().filter(f -> !indexOfField.containsKey(f)).forEach(f -> problems.add(
          new Problem(header.number(), f, null, "Thiếu cột bắt buộc " + f + ".")));
      problems.addAll(unnamedColumnsWithData(table));
      if (!problems.isEmpty()) {
        throw ImportRefusedException.cells("Không nhập được tệp: dòng tiêu đề (dòng " + header.number() + ") có "
            + problems.size() + " lỗi. Chưa lưu đoàn viên nào.", problems);
      }
      return new Columns(indexOfField, header.cells());
    }

    /** Values under no header name would be lost without a word: the header is probably shifted or incomplete. */
    private static List<Problem> unnamedColumnsWithData(TableFile.Table table) {
      Map<Integer, Integer> firstRowOfColumn = new HashMap<>(table.dataBeyondHeader());
      for (TableFile.Row row : table.rows()) {
        for (int i = 0; i < row.cells().size(); i++) {
          if (table.header().cell(i) == null && row.cell(i) != null) {
            firstRowOfColumn.putIfAbsent(i, row.number());
          }
        }
      }
      return firstRowOfColumn.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(e -> {
            String column = "Cột " + CellReference.convertNumToColString(e.getKey());
            return new Problem(table.header().number(), column, null, column + " có dữ liệu (từ dòng " + e.getValue()
                + ") nhưng không có tên ở dòng tiêu đề.");
          })
          .toList();
    }

    String value(TableFile.Row row, String field) {
      Integer index = indexOfField.get(field);
      return index == null ? null : row.cell(index);
    }

    int index(String field) {
      return indexOfField.getOrDefault(field, Integer.MAX_VALUE);
    }

    String name(String field) {
      Integer index = indexOfField.get(field);
      return index == null ? field : header.get(index).trim();
    }
  }
}
