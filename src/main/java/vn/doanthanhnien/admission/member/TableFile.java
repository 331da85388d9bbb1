package vn.doanthanhnien.admission.member;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of an uploaded {@code .csv} (UTF-8, comma or semicolon) or {@code .xlsx} file (its first sheet) as text.
 * The first row that is not blank is the header; blank rows are skipped; rows keep their number in the file, as
 * Excel shows it. Date cells of a workbook read as ISO dates. The workbook is read as a stream, so that a file with
 * too many rows is refused without loading it whole.
 */
final class TableFile {

  private static final Logger LOG = LoggerFactory.getLogger(TableFile.class);

  record Row(int number, List<String> cells) {

    /** The cell's text, or null when it is missing or blank. */
    String cell(int column) {
      String value = column < cells.size() ? cells.get(column) : null;
      return value == null || value.isBlank() ? null : value;
    }

    boolean isBlank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
  }

  /**
   * @param dataBeyondHeader the columns right of the header's last name that hold data, each with the first row
   *     holding some: such values are kept out of the rows (which are never wider than the header), but must not be
   *     lost without a word
   */
  record Table(Row header, List<Row> rows, SortedMap<Integer, Integer> dataBeyondHeader) {
  }

  /**
   * The header may name columns up to here (column IV). The import has a dozen fields; a header reaching further is a
   * stray cell, and rows as wide as it would cost memory for nothing (a cell at column XFD in every row of 20,000
   * rows made 327 million cells).
   */
  static final int MAX_COLUMNS = 256;

  private TableFile() {
  }

  static Table read(String filename, byte[] content, int maxRows) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xls")) {
      throw ImportRefusedException.file("định dạng .xls cũ không được hỗ trợ; hãy mở tệp trong Excel và lưu thành "
          + "Excel Workbook (.xlsx) hoặc CSV UTF-8.");
    }
    if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
      throw ImportRefusedException.file("chỉ nhận tệp .csv hoặc .xlsx (tệp đã gửi: " + filename + ").");
    }
    if (content.length == 0) {
      throw ImportRefusedException.file("tệp trống.");
    }
    Table table = name.endsWith(".csv") ? readCsv(content, maxRows) : readXlsx(content, maxRows);
    if (table.header() == null) {
      throw ImportRefusedException.file("tệp không có dòng nào.");
    }
    if (table.rows().isEmpty()) {
      throw ImportRefusedException.file("tệp chỉ có dòng tiêu đề, không có đoàn viên nào.");
    }
    return table;
  }

  /** Collects rows in file order, the first non-blank one as header, refusing more than {@code maxRows} data rows. */
  private static final class Collector {

    private final int maxRows;
    private Row header;
    private final List<Row> rows = new ArrayList<>();
    private final SortedMap<Integer, Integer> dataBeyondHeader = new TreeMap<>();

    Collector(int maxRows) {
      this.maxRows = maxRows;
    }

    /** How many cells of a row are kept: the header's, up to its last name; {@link #MAX_COLUMNS} until it is read. */
    int width() {
      return header == null ? MAX_COLUMNS : header.cells().size();
    }

    /**
     * Whether the row's cell in {@code column} is kept; a value right of the header is only noted. A header reaching
     * beyond {@link #MAX_COLUMNS} refuses the file.
     */
    boolean keeps(int rowNumber, int column, String value) {
      if (column < width()) {
        return true;
      }
      if (value != null && !value.isBlank()) {
        if (header == null) {
          throw ImportRefusedException.file("dòng tiêu đề (dòng " + rowNumber + ") có dữ liệu ở cột "
              + CellReference.convertNumToColString(column) + ", ngoài " + MAX_COLUMNS + " cột đầu tiên; hãy xoá các "
              + "cột thừa rồi tải tệp lên lại.");
        }
        dataBeyondHeader.putIfAbsent(column, rowNumber);
      }
      return false;
    }

    void add(Row row) {
      List<String> cells = row.cells();
      for (int i = cells.size() - 1; i >= width(); i--) {
        keeps(row.number(), i, cells.get(i));
      }
      if (cells.size() > width()) {
        row = new Row(row.number(), new ArrayList<>(cells.subList(0, width())));
      }
      if (row.isBlank()) {
        return;
      }
      if (header == null) {
        int named = row.cells().size();
        while (row.cell(named - 1) == null) {
          named--;
        }
        header = new Row(row.number(), new ArrayList<>(row.cells().subList(0, named)));
      } else if (rows.size() == maxRows) {
        throw ImportRefusedException.file("tệp có hơn " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi"))
            .format(maxRows) + " đoàn viên; hãy chia thành nhiều tệp nhỏ hơn.");
      } else {
        rows.add(row);
      }
    }

    Table table() {
      return new Table(header, List.copyOf(rows), Collections.unmodifiableSortedMap(dataBeyondHeader));
    }
  }

  private static Table readCsv(byte[] content, int maxRows) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw ImportRefusedException.file("tệp CSV không ở mã UTF-8. Trong Excel hãy chọn Lưu thành → "
          + "\"CSV UTF-8 (Comma delimited)\".");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\0') >= 0) {
      throw ImportRefusedException.file("tệp không phải là văn bản CSV.");
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(false).get();
    Collector collector = new Collector(maxRows);
    long lastRecord = 0;
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        lastRecord = record.getRecordNumber();
        collector.add(new Row((int) lastRecord, record.toList()));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      LOG.info("Unreadable CSV after record {}: {}", lastRecord, e.getMessage());
      throw ImportRefusedException.file("tệp CSV sai cấu trúc sau dòng " + lastRecord
          + " (có thể thiếu dấu ngoặc kép đóng).");
    }
    return collector.table();
  }

  /** Excel saves CSV with the list separator of the computer's region: a semicolon in Vietnam, a comma elsewhere. */
  private static char delimiterOf(String text) {
    String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
  }

  private static Table readXlsx(byte[] content, int maxRows) {
    Collector collector = new Collector(maxRows);
    try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
      XSSFReader reader = new XSSFReader(workbook);
      DataFormatter dates = new IsoDates(uses1904Dates(reader));
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      if (!sheets.hasNext()) {
        throw ImportRefusedException.file("tệp Excel không có trang tính nào.");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
            new ReadOnlySharedStringsTable(workbook), new RowsOf(collector), dates, false));
        parser.parse(new InputSource(sheet));
      }
    } catch (ImportRefusedException e) {
      throw e;
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
      // POI reports a damaged or foreign file with a variety of runtime exceptions.
      LOG.info("Unreadable workbook: {}", e.toString());
      throw ImportRefusedException.file("không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.");
    }
    return collector.table();
  }

  private static boolean uses1904Dates(XSSFReader reader)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    boolean[] date1904 = {false};
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("workbookPr".equals(localName)) {
          String value = attributes.getValue("date1904");
          date1904[0] = "1".equals(value) || "true".equals(value);
        }
      }
    });
    try (InputStream data = reader.getWorkbookData()) {
      parser.parse(new InputSource(data));
    }
    return date1904[0];
  }

  /** A date cell as yyyy-MM-dd whatever its display format; other numbers as Excel shows them. */
  private static final class IsoDates extends DataFormatter {

    private final boolean date1904;

    IsoDates(boolean date1904) {
      super(Locale.ROOT);
      this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  private static final class RowsOf implements SheetContentsHandler {

    private final Collector collector;
    private int rowNumber;
    private List<String> cells;

    RowsOf(Collector collector) {
      this.collector = collector;
    }

    @Override
    public void startRow(int rowNum) {
      rowNumber = rowNum + 1;
      cells = new ArrayList<>();
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      // Cells right of the header are noted, never padded up to: a stray cell at column XFD would cost 16,384.
      if (!collector.keeps(rowNumber, column, value)) {
        return;
      }
      while (cells.size() <= column) {
        cells.add(null);
      }
      cells.set(column, value);
    }

    @Override
    public void endRow(int rowNum) {
      collector.add(new Row(rowNumber, cells));
    }
  }
}
