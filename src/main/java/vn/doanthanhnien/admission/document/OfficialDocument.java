package vn.doanthanhnien.admission.document;

import java.util.List;

/**
 * A filled-in document, as both renderers draw it: blocks from top to bottom, each either one column of lines or two
 * columns side by side (the header with the issuing body on the left; the signature with the recipients on the left).
 *
 * @param title the document's title in its file properties
 */
public record OfficialDocument(String title, List<Block> blocks) {

  public sealed interface Block permits Column, Columns {
  }

  /** Lines in one column of the given alignment and font size (points); every line is one paragraph. */
  public record Column(Align align, int fontSize, List<Line> lines) implements Block {
  }

  /** Two columns side by side, the left one {@link #LEFT_SHARE} of the width. */
  public record Columns(Column left, Column right) implements Block {
    public static final float LEFT_SHARE = 0.45f;
  }

  /** One paragraph; an empty one (no spans) leaves a blank line. */
  public record Line(List<Span> spans) {

    public String text() {
      return String.join("", spans.stream().map(Span::text).toList());
    }
  }

  public record Span(String text, boolean bold, boolean italic) {
  }

  public enum Align {
    LEFT,
    CENTER,
    /** Both edges, with the first line indented: the paragraphs of the body. */
    JUSTIFY
  }

  /** A4 with the margins of official documents (Nghị định 30/2020/NĐ-CP): 20 mm top and bottom, 30 left, 20 right. */
  public static final class Page {
    public static final float WIDTH_MM = 210;
    public static final float HEIGHT_MM = 297;
    public static final float TOP_MM = 20;
    public static final float BOTTOM_MM = 20;
    public static final float LEFT_MM = 30;
    public static final float RIGHT_MM = 20;
    /** The first line of a body paragraph. */
    public static final float INDENT_MM = 10;
    /** Above every block but the first, and after each body paragraph (points). */
    public static final float BLOCK_GAP_PT = 12;
    public static final float PARAGRAPH_GAP_PT = 6;

    private Page() {
    }
  }
}
