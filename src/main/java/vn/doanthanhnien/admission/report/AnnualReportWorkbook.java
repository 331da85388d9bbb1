package vn.doanthanhnien.admission.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.report.PipelineStages.Stage;
import vn.doanthanhnien.admission.report.ReportService.AnnualReport;

/**
 * The yearly report as an Excel workbook for the Youth Union committees: sheet 1 the figures of the unit and of every
 * unit below it (one row each, indented by level), sheet 2 the candidacies in progress by stage. Every figure is a
 * numeric cell, the ratios percentage cells, so the committees can add up and chart them in Excel.
 */
@Component
public class AnnualReportWorkbook {

  static final String SUMMARY_SHEET = "Tổng hợp";
  static final String STAGES_SHEET = "Đang thực hiện theo bước";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final List<String> SUMMARY_HEADERS = List.of("Cấp", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị",
      "Chỉ tiêu giới thiệu", "Được đề cử", "Đã giới thiệu", "Đã kết nạp", "Giới thiệu / chỉ tiêu",
      "Kết nạp / chỉ tiêu", "Đang thực hiện", "Quá hạn");

  private final PipelineStages stages;
  private final BusinessClock clock;

  public AnnualReportWorkbook(PipelineStages stages, BusinessClock clock) {
    this.stages = stages;
    this.clock = clock;
  }

  /** A unit's row: the report of the unit and how deep below the reported unit it sits (1 for the unit itself). */
  private record Line(int level, AnnualReport report) {
  }

  public byte[] write(AnnualReport report) {
    List<Line> lines = new ArrayList<>();
    flatten(report, 1, lines);
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      summary(workbook.createSheet(SUMMARY_SHEET), styles, report, lines);
      inProgress(workbook.createSheet(STAGES_SHEET), styles, report, lines);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the workbook of the yearly report", e);
    }
  }

  private static void flatten(AnnualReport report, int level, List<Line> lines) {
    lines.add(new Line(level, report));
    report.subUnits().forEach(sub -> flatten(sub, level + 1, lines));
  }

  private void summary(Sheet sheet, Styles styles, AnnualReport report, List<Line> lines) {
    title(sheet, styles, "Báo cáo kết quả giới thiệu và kết nạp đoàn viên ưu tú vào Đảng năm " + report.year(),
        SUMMARY_HEADERS.size());
    text(sheet.createRow(1), 0, "Đơn vị: " + report.unitName() + " (" + report.unitCode() + ") — lập ngày "
        + clock.today().format(DAY), styles.plain);
    text(sheet.createRow(2), 0, "Được đề cử: hồ sơ đề cử trong năm; đã giới thiệu: nghị quyết giới thiệu của BCH Đoàn "
        + "cơ sở ghi ngày trong năm; đã kết nạp: quyết định kết nạp ghi ngày trong năm; đang thực hiện và quá hạn: tính "
        + "đến ngày lập báo cáo.", styles.note);
    Row header = sheet.createRow(4);
    for (int i = 0; i < SUMMARY_HEADERS.size(); i++) {
      text(header, i, SUMMARY_HEADERS.get(i), styles.header);
    }
    int rowIndex = 5;
    for (Line line : lines) {
      AnnualReport r = line.report();
      Row row = sheet.createRow(rowIndex++);
      number(row, 0, line.level(), styles.number);
      text(row, 1, r.unitCode(), styles.text);
      text(row, 2, r.unitName(), styles.indented(line.level() - 1));
      text(row, 3, r.unitKind().title(), styles.text);
      number(row, 4, r.quota(), styles.number);
      number(row, 5, r.nominated(), styles.number);
      number(row, 6, r.introduced(), styles.number);
      number(row, 7, r.admitted(), styles.number);
      number(row, 8, r.introducedToQuota(), styles.percent);
      number(row, 9, r.admittedToQuota(), styles.percent);
      number(row, 10, r.inProgressByStage().values().stream().mapToLong(Long::longValue).sum(), styles.number);
      number(row, 11, r.overdue(), styles.number);
    }
    widths(sheet, 6, 14, 44, 16, 12, 12, 12, 12, 13, 13, 13, 10);
    sheet.createFreezePane(3, 5);
  }

  private void inProgress(Sheet sheet, Styles styles, AnnualReport report, List<Line> lines) {
    Map<String, String> columns = new LinkedHashMap<>();
    stages.userTasks().forEach(stage -> columns.put(stage.key(), stage.name()));
    // A stage the latest model no longer has (or the nomination itself) still gets its column.
    lines.forEach(line -> line.report().inProgressByStage().keySet()
        .forEach(key -> columns.computeIfAbsent(key, stages::name)));
    List<Stage> stageColumns = columns.entrySet().stream().map(e -> new Stage(e.getKey(), e.getValue())).toList();
    int first = 3;
    int total = first + stageColumns.size();

    title(sheet, styles, "Hồ sơ đang thực hiện theo bước của quy trình — " + report.unitName() + ", tính đến ngày "
        + clock.today().format(DAY), total + 1);
    Row names = sheet.createRow(2);
    Row keys = sheet.createRow(3);
    names.setHeightInPoints(62);
    List<String> leading = List.of("Cấp", "Mã đơn vị", "Tên đơn vị");
    for (int i = 0; i < leading.size(); i++) {
      text(names, i, leading.get(i), styles.header);
      text(keys, i, "", styles.key);
    }
    for (int i = 0; i < stageColumns.size(); i++) {
      text(names, first + i, stageColumns.get(i).name(), styles.header);
      text(keys, first + i, stageColumns.get(i).key(), styles.key);
    }
    text(names, total, "Tổng", styles.header);
    text(keys, total, "", styles.key);
    int rowIndex = 4;
    for (Line line : lines) {
      AnnualReport r = line.report();
      Row row = sheet.createRow(rowIndex++);
      number(row, 0, line.level(), styles.number);
      text(row, 1, r.unitCode(), styles.text);
      text(row, 2, r.unitName(), styles.indented(line.level() - 1));
      long sum = 0;
      for (int i = 0; i < stageColumns.size(); i++) {
        long count = r.inProgressByStage().getOrDefault(stageColumns.get(i).key(), 0L);
        number(row, first + i, count, styles.number);
        sum += count;
      }
      number(row, total, sum, styles.number);
    }
    int[] widths = new int[total + 1];
    widths[0] = 6;
    widths[1] = 14;
    widths[2] = 44;
    for (int i = first; i <= total; i++) {
      widths[i] = 17;
    }
    widths(sheet, widths);
    sheet.createFreezePane(3, 4);
  }

  private static void title(Sheet sheet, Styles styles, String title, int columns) {
    text(sheet.createRow(0), 0, title, styles.title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(columns - 1, 1)));
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** A numeric cell; without a value (no quota, so no ratio) an empty one rather than a made-up 0. */
  private static void number(Row row, int column, Number value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
    }
  }

  private static void widths(Sheet sheet, int... characters) {
    for (int i = 0; i < characters.length; i++) {
      sheet.setColumnWidth(i, characters[i] * 256);
    }
  }

  /** The few cell styles of the workbook, made once each (a workbook holds at most 64,000). */
  private static final class Styles {

    final CellStyle title;
    final CellStyle plain;
    final CellStyle note;
    final CellStyle header;
    final CellStyle key;
    final CellStyle text;
    final CellStyle number;
    final CellStyle percent;
    private final Workbook workbook;
    private final Map<Integer, CellStyle> indented = new HashMap<>();

    Styles(Workbook workbook) {
      this.workbook = workbook;
      title = style(s -> s.setFont(font(f -> {
        f.setBold(true);
        f.setFontHeightInPoints((short) 14);
      })));
      plain = style(s -> {
      });
      note = style(s -> s.setFont(font(f -> {
        f.setItalic(true);
        f.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
      })));
      header = style(s -> {
        bordered(s);
        s.setFont(font(f -> f.setBold(true)));
        s.setWrapText(true);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      });
      key = style(s -> {
        bordered(s);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setFont(font(f -> {
          f.setFontHeightInPoints((short) 8);
          f.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        }));
      });
      text = style(Styles::bordered);
      number = style(s -> {
        bordered(s);
        s.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
      });
      percent = style(s -> {
        bordered(s);
        s.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
      });
    }

    CellStyle indented(int level) {
      return indented.computeIfAbsent(level, l -> style(s -> {
        bordered(s);
        s.setIndention((short) (2 * l));
      }));
    }

    private CellStyle style(Consumer<CellStyle> setUp) {
      CellStyle style = workbook.createCellStyle();
      setUp.accept(style);
      return style;
    }

    private Font font(Consumer<Font> setUp) {
      Font font = workbook.createFont();
      setUp.accept(font);
      return font;
    }

    private static void bordered(CellStyle style) {
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
    }
  }
}
