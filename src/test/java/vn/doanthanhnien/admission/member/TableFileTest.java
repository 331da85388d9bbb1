package vn.doanthanhnien.admission.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;

/** Reading uploaded files into numbered rows, without the application. */
class TableFileTest {

  @Test
  void csvRowsKeepTheirNumberInTheFileAcrossBlankLinesAndQuotedLineBreaks() {
    String csv = "\uFEFF\ncode;fullName;note\n" // a blank line before the header
        + "A1;\"Nguyễn Văn\nAn\";x\n"
        + "\n"
        + "A2;Trần Thị Bình;\n";

    TableFile.Table table = TableFile.read("a.csv", csv.getBytes(StandardCharsets.UTF_8), 10);

    assertThat(table.header().number()).isEqualTo(2);
    assertThat(table.header().cells()).containsExactly("code", "fullName", "note");
    assertThat(table.rows()).extracting(TableFile.Row::number).containsExactly(3, 5);
    assertThat(table.rows().get(0).cell(1)).isEqualTo("Nguyễn Văn\nAn");
    assertThat(table.rows().get(1).cell(2)).isNull();
  }

  @Test
  void aCommaSeparatedFileWithSemicolonsInsideValuesStaysCommaSeparated() {
    String csv = "code,fullName\nA1,\"Lê; Văn Cường\"\n";

    TableFile.Table table = TableFile.read("a.csv", csv.getBytes(StandardCharsets.UTF_8), 10);

    assertThat(table.rows().get(0).cells()).containsExactly("A1", "Lê; Văn Cường");
  }

  @Test
  void workbookDatesReadAsIsoDatesInBothDateSystemsAndNumbersAsExcelShowsThem() throws IOException {
    for (boolean date1904 : List.of(false, true)) {
      TableFile.Table table = TableFile.read("a.xlsx", workbook(date1904), 10);

      assertThat(table.rows()).singleElement().satisfies(row -> {
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.cells()).as("1904 date system: %s", date1904)
            .containsExactly("2001-02-28", "2024", "TRUE", "Phạm Thị Ngọc Ánh");
      });
    }
  }

  @Test
  void aWorkbookWithMoreRowsThanAllowedIsRefusedWhileItIsRead() throws IOException {
    byte[] workbook = workbook(false);

    assertThatThrownBy(() -> TableFile.read("a.xlsx", workbook, 0)).isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("tệp có hơn 0 đoàn viên");
  }

  @Test
  void cellsAtTheLastColumnOfEveryRowAreNotedNotPaddedUpTo() throws IOException {
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = book.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("code");
      header.createCell(2).setCellValue("fullName"); // a column without a name between two named ones
      for (int r = 1; r <= 2_000; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("A" + r);
        row.createCell(2).setCellValue("Nguyễn Văn " + r);
        // XFD, the last column Excel has; blank in the first rows, as a formatted but empty cell reads.
        row.createCell(16_383).setCellValue(r < 5 ? "" : "x");
      }
      book.write(out);
      workbook = out.toByteArray();
    }

    TableFile.Table table = TableFile.read("a.xlsx", workbook, 20_000);

    assertThat(table.header().cells()).containsExactly("code", null, "fullName");
    assertThat(table.rows()).hasSize(2_000).allSatisfy(row -> assertThat(row.cells()).hasSizeLessThanOrEqualTo(3));
    assertThat(table.rows().get(0).cells()).containsExactly("A1", null, "Nguyễn Văn 1");
    assertThat(table.dataBeyondHeader()).as("column XFD holds data from row 6 (row 5 of the sheet's data)")
        .containsExactly(Map.entry(16_383, 6));
  }

  @Test
  void aHeaderReachingBeyondTheFirst256ColumnsRefusesTheFile() throws IOException {
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Row header = book.createSheet().createRow(0);
      header.createCell(0).setCellValue("code");
      header.createCell(16_383).setCellValue("ghi chú");
      book.getSheetAt(0).createRow(1).createCell(16_383).setCellValue("x");
      book.write(out);
      workbook = out.toByteArray();
    }

    assertThatThrownBy(() -> TableFile.read("a.xlsx", workbook, 10)).isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("dòng tiêu đề (dòng 1) có dữ liệu ở cột XFD, ngoài 256 cột đầu tiên");
  }

  private static byte[] workbook(boolean date1904) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (date1904) {
        CTWorkbook settings = workbook.getCTWorkbook();
        (settings.isSetWorkbookPr() ? settings.getWorkbookPr() : settings.addNewWorkbookPr()).setDate1904(true);
        assertThat(workbook.isDate1904()).isTrue();
      }
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
      Row header = workbook.createSheet().createRow(0);
      header.createCell(0).setCellValue("birthDate");
      header.createCell(1).setCellValue("lastRatingYear");
      header.createCell(2).setCellValue("youthUnionActive");
      header.createCell(3).setCellValue("fullName");
      Row row = workbook.getSheetAt(0).createRow(1);
      row.createCell(0).setCellValue(LocalDate.of(2001, 2, 28));
      row.getCell(0).setCellStyle(date);
      row.createCell(1).setCellValue(2024);
      row.createCell(2).setCellValue(true);
      row.createCell(3).setCellValue("Phạm Thị Ngọc Ánh");
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
