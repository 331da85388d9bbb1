package vn.doanthanhnien.admission.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.PrintableText;
import vn.doanthanhnien.admission.document.OfficialDocument.Align;
import vn.doanthanhnien.admission.document.OfficialDocument.Block;
import vn.doanthanhnien.admission.document.OfficialDocument.Column;
import vn.doanthanhnien.admission.document.OfficialDocument.Columns;
import vn.doanthanhnien.admission.document.OfficialDocument.Line;
import vn.doanthanhnien.admission.document.OfficialDocument.Page;
import vn.doanthanhnien.admission.document.OfficialDocument.Span;

/**
 * Draws a document as PDF on A4 in Liberation Serif (metrically equal to Times New Roman, with every Vietnamese
 * letter), embedded as a subset. PDFBox has no text layout, so lines are wrapped and justified here, word by word.
 */
@Component
class PdfRenderer {

  private static final float PT_PER_MM = 72f / 25.4f;
  private static final float LEADING = 1.25f;
  /** Between the two columns of a row, so that their texts never touch. */
  private static final float GUTTER_PT = 8;

  // The fonts whose characters PrintableText allows in every text input: what is accepted always prints.
  private final byte[] regular = PrintableText.font(PrintableText.FONT_FILES.get(0));
  private final byte[] bold = PrintableText.font(PrintableText.FONT_FILES.get(1));
  private final byte[] italic = PrintableText.font(PrintableText.FONT_FILES.get(2));

  byte[] render(OfficialDocument document) {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pdf.getDocumentInformation().setTitle(document.title());
      pdf.getDocumentCatalog().setLanguage("vi-VN");
      Fonts fonts = new Fonts(load(pdf, regular), load(pdf, bold), load(pdf, italic));
      try (Pages pages = new Pages(pdf)) {
        boolean first = true;
        for (Block block : document.blocks()) {
          if (!first) {
            pages.skip(Page.BLOCK_GAP_PT);
          }
          first = false;
          if (block instanceof Columns row) {
            drawRow(pages, fonts, row);
          } else {
            drawColumn(pages, fonts, (Column) block);
          }
        }
      }
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF document could not be written", e);
    }
  }

  private void drawColumn(Pages pages, Fonts fonts, Column column) throws IOException {
    float width = pages.textWidth();
    for (Line line : column.lines()) {
      List<Row> rows = wrap(line, fonts, column, width);
      for (int i = 0; i < rows.size(); i++) {
        pages.ensureRoom(leading(column));
        rows.get(i).draw(pages.stream(), pages.left(), pages.y() - column.fontSize(), width, column.align(),
            i == rows.size() - 1);
        pages.skip(leading(column));
      }
      if (column.align() == Align.JUSTIFY) {
        pages.skip(Page.PARAGRAPH_GAP_PT);
      }
    }
  }

  /** Both columns start at the same height; the row is moved to a new page whole when it does not fit. */
  private void drawRow(Pages pages, Fonts fonts, Columns row) throws IOException {
    float leftWidth = pages.textWidth() * Columns.LEFT_SHARE - GUTTER_PT / 2;
    float rightWidth = pages.textWidth() - leftWidth - GUTTER_PT;
    List<Row> left = wrapAll(row.left(), fonts, leftWidth);
    List<Row> right = wrapAll(row.right(), fonts, rightWidth);
    float height = Math.max(left.size() * leading(row.left()), right.size() * leading(row.right()));
    pages.ensureRoom(height);
    float top = pages.y();
    drawRows(pages.stream(), left, row.left(), pages.left(), top, leftWidth);
    drawRows(pages.stream(), right, row.right(), pages.left() + leftWidth + GUTTER_PT, top, rightWidth);
    pages.skip(height);
  }

  private void drawRows(PDPageContentStream stream, List<Row> rows, Column column, float x, float top, float width)
      throws IOException {
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).draw(stream, x, top - i * leading(column) - column.fontSize(), width, column.align(), true);
    }
  }

  private List<Row> wrapAll(Column column, Fonts fonts, float width) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Line line : column.lines()) {
      rows.addAll(wrap(line, fonts, column, width));
    }
    return rows;
  }

  private static float leading(Column column) {
    return column.fontSize() * LEADING;
  }

  /** One word as drawn: the pieces of differently styled text it is made of. */
  private record Word(List<Piece> pieces, float width, float spaceBefore) {
  }

  private record Piece(String text, PDFont font, float width) {
  }

  /** The words of one printed line, the first one indented by {@code indent}. */
  private record Row(List<Word> words, float indent, int fontSize) {

    float naturalWidth() {
      float width = indent;
      for (int i = 0; i < words.size(); i++) {
        width += words.get(i).width() + (i == 0 ? 0 : words.get(i).spaceBefore());
      }
      return width;
    }

    void draw(PDPageContentStream stream, float left, float baseline, float width, Align align, boolean last)
        throws IOException {
      float free = width - naturalWidth();
      float x = switch (align) {
        case LEFT, JUSTIFY -> left + indent;
        case CENTER -> left + free / 2;
      };
      float stretch = align == Align.JUSTIFY && !last && words.size() > 1 ? free / (words.size() - 1) : 0;
      for (int i = 0; i < words.size(); i++) {
        Word word = words.get(i);
        if (i > 0) {
          x += word.spaceBefore() + stretch;
        }
        for (Piece piece : word.pieces()) {
          stream.beginText();
          stream.setFont(piece.font(), fontSize);
          stream.newLineAtOffset(x, baseline);
          stream.showText(piece.text());
          stream.endText();
          x += piece.width();
        }
      }
    }
  }

  /** Greedy wrapping at spaces; a word longer than the line is left to overflow rather than cut. */
  private static List<Row> wrap(Line line, Fonts fonts, Column column, float width) throws IOException {
    float indent = column.align() == Align.JUSTIFY ? Page.INDENT_MM * PT_PER_MM : 0;
    List<Row> rows = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    float used = indent;
    for (Word word : words(line, fonts, column.fontSize())) {
      float needed = current.isEmpty() ? word.width() : word.spaceBefore() + word.width();
      if (!current.isEmpty() && used + needed > width) {
        rows.add(new Row(current, rows.isEmpty() ? indent : 0, column.fontSize()));
        current = new ArrayList<>();
        used = 0;
        needed = word.width();
      }
      current.add(word);
      used += needed;
    }
    rows.add(new Row(current, rows.isEmpty() ? indent : 0, column.fontSize()));
    return rows;
  }

  /** Splits the spans at spaces; text of two styles with no space between stays one word. */
  private static List<Word> words(Line line, Fonts fonts, int size) throws IOException {
    List<Word> words = new ArrayList<>();
    List<Piece> pieces = new ArrayList<>();
    float spaceBefore = 0;
    float pendingSpace = 0;
    for (Span span : line.spans()) {
      PDFont font = fonts.of(span);
      float space = font.getStringWidth(" ") / 1000 * size;
      String[] parts = span.text().split(" ", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          if (!pieces.isEmpty()) {
            words.add(word(pieces, spaceBefore));
            pieces = new ArrayList<>();
          }
          pendingSpace = space;
        }
        if (!parts[i].isEmpty()) {
          if (pieces.isEmpty()) {
            spaceBefore = pendingSpace;
            pendingSpace = 0;
          }
          pieces.add(new Piece(parts[i], font, font.getStringWidth(parts[i]) / 1000 * size));
        }
      }
    }
    if (!pieces.isEmpty()) {
      words.add(word(pieces, spaceBefore));
    }
    return words;
  }

  private static Word word(List<Piece> pieces, float spaceBefore) {
    return new Word(pieces, (float) pieces.stream().mapToDouble(Piece::width).sum(), spaceBefore);
  }

  private record Fonts(PDFont regular, PDFont bold, PDFont italic) {
    PDFont of(Span span) {
      return span.bold() ? bold : span.italic() ? italic : regular;
    }
  }

  /** The page being written and the height reached on it; a new page starts when the next line does not fit. */
  private static final class Pages implements AutoCloseable {
    private static final PDRectangle A4 = new PDRectangle(Page.WIDTH_MM * PT_PER_MM, Page.HEIGHT_MM * PT_PER_MM);

    private final PDDocument pdf;
    private PDPageContentStream stream;
    private float y;

    Pages(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      newPage();
    }

    PDPageContentStream stream() {
      return stream;
    }

    float y() {
      return y;
    }

    float left() {
      return Page.LEFT_MM * PT_PER_MM;
    }

    float textWidth() {
      return (Page.WIDTH_MM - Page.LEFT_MM - Page.RIGHT_MM) * PT_PER_MM;
    }

    void skip(float height) {
      y -= height;
    }

    void ensureRoom(float height) throws IOException {
      if (y - height < Page.BOTTOM_MM * PT_PER_MM && y < top()) {
        newPage();
      }
    }

    private float top() {
      return (Page.HEIGHT_MM - Page.TOP_MM) * PT_PER_MM;
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(A4);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = top();
    }

    @Override
    public void close() throws IOException {
      if (stream != null) {
        stream.close();
      }
    }
  }

  private static PDFont load(PDDocument pdf, byte[] font) throws IOException {
    return PDType0Font.load(pdf, new ByteArrayInputStream(font), true);
  }
}
