package vn.doanthanhnien.admission.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.document.OfficialDocument.Align;
import vn.doanthanhnien.admission.document.OfficialDocument.Block;
import vn.doanthanhnien.admission.document.OfficialDocument.Column;
import vn.doanthanhnien.admission.document.OfficialDocument.Columns;
import vn.doanthanhnien.admission.document.OfficialDocument.Line;
import vn.doanthanhnien.admission.document.OfficialDocument.Page;
import vn.doanthanhnien.admission.document.OfficialDocument.Span;

/**
 * Writes a document as .docx for Word and LibreOffice, where offices correct and sign it: A4, Times New Roman (the
 * font of official documents; LibreOffice shows Liberation Serif, of the same metrics), one paragraph per line, the
 * header and the signature as a two-column table without borders.
 */
@Component
class DocxRenderer {

  private static final String FONT = "Times New Roman";
  private static final double TWIPS_PER_MM = 1440 / 25.4;
  private static final int TWIPS_PER_PT = 20;

  byte[] render(OfficialDocument document) {
    try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      docx.getProperties().getCoreProperties().setTitle(document.title());
      setUpPage(docx);
      boolean first = true;
      for (Block block : document.blocks()) {
        int gap = first ? 0 : (int) Page.BLOCK_GAP_PT * TWIPS_PER_PT;
        if (block instanceof Columns row) {
          writeRow(docx, row, gap);
        } else {
          Column column = (Column) block;
          for (Line line : column.lines()) {
            write(docx.createParagraph(), column, line, gap);
            gap = 0;
          }
        }
        first = false;
      }
      // Word wants a paragraph after a table that ends the document.
      if (document.blocks().get(document.blocks().size() - 1) instanceof Columns) {
        docx.createParagraph();
      }
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Word document could not be written", e);
    }
  }

  private static void writeRow(XWPFDocument docx, Columns row, int gap) {
    int width = twips(Page.WIDTH_MM - Page.LEFT_MM - Page.RIGHT_MM);
    int left = Math.round(width * Columns.LEFT_SHARE);
    XWPFTable table = docx.createTable(1, 2);
    table.removeBorders();
    table.setWidth(String.valueOf(width));
    CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
        : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    grid.addNewGridCol().setW(BigInteger.valueOf(left));
    grid.addNewGridCol().setW(BigInteger.valueOf(width - left));
    writeCell(table.getRow(0).getCell(0), row.left(), left, gap);
    writeCell(table.getRow(0).getCell(1), row.right(), width - left, gap);
  }

  private static void writeCell(XWPFTableCell cell, Column column, int width, int gap) {
    cell.setWidth(String.valueOf(width));
    List<Line> lines = column.lines();
    for (int i = 0; i < lines.size(); i++) {
      XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
      write(paragraph, column, lines.get(i), i == 0 ? gap : 0);
    }
  }

  private static void write(XWPFParagraph paragraph, Column column, Line line, int gapBefore) {
    paragraph.setAlignment(switch (column.align()) {
      case LEFT -> ParagraphAlignment.LEFT;
      case CENTER -> ParagraphAlignment.CENTER;
      case JUSTIFY -> ParagraphAlignment.BOTH;
    });
    paragraph.setSpacingBefore(gapBefore);
    if (column.align() == Align.JUSTIFY) {
      paragraph.setIndentationFirstLine(twips(Page.INDENT_MM));
      paragraph.setSpacingAfter((int) Page.PARAGRAPH_GAP_PT * TWIPS_PER_PT);
    } else {
      paragraph.setSpacingAfter(0);
    }
    // An empty line still gets a run, so that it is as high as a line of its size.
    List<Span> spans = line.spans().isEmpty() ? List.of(new Span("", false, false)) : line.spans();
    for (Span span : spans) {
      XWPFRun run = paragraph.createRun();
      run.setText(span.text());
      run.setBold(span.bold());
      run.setItalic(span.italic());
      run.setFontFamily(FONT);
      run.setFontSize(column.fontSize());
      run.setLang("vi-VN");
    }
  }

  private static void setUpPage(XWPFDocument docx) {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    docx.createStyles().setDefaultFonts(fonts);
    CTSectPr section = docx.getDocument().getBody().isSetSectPr() ? docx.getDocument().getBody().getSectPr()
        : docx.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(twips(Page.WIDTH_MM)));
    size.setH(BigInteger.valueOf(twips(Page.HEIGHT_MM)));
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(twips(Page.TOP_MM)));
    margins.setBottom(BigInteger.valueOf(twips(Page.BOTTOM_MM)));
    margins.setLeft(BigInteger.valueOf(twips(Page.LEFT_MM)));
    margins.setRight(BigInteger.valueOf(twips(Page.RIGHT_MM)));
  }

  private static int twips(float mm) {
    return (int) Math.round(mm * TWIPS_PER_MM);
  }
}
