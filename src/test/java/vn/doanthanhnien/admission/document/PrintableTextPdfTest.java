package vn.doanthanhnien.admission.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.doanthanhnien.admission.common.PrintableText;
import vn.doanthanhnien.admission.common.PrintableTextPdfSample;
import vn.doanthanhnien.admission.document.OfficialDocument.Align;
import vn.doanthanhnien.admission.document.OfficialDocument.Column;
import vn.doanthanhnien.admission.document.OfficialDocument.Line;
import vn.doanthanhnien.admission.document.OfficialDocument.Span;

/** Whatever text input accepts ({@link PrintableText}) prints in the PDF documents, in every style and in capitals. */
class PrintableTextPdfTest {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Test
  void everyCharacterTheRuleAcceptsPrintsInEveryStyle() {
    StringBuilder accepted = new StringBuilder();
    int count = 0;
    for (int c = 0x20; c <= 0xFFFF; c++) {
      // Accepted text is stored composed (InputCheck.text), as the documents print it: U+212A KELVIN SIGN is a K.
      String character = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFC);
      if (!Character.isSurrogate((char) c) && !Character.isISOControl(c)
          && PrintableText.unprintable(character).isEmpty()) {
        accepted.append(character).append(++count % 40 == 0 ? " " : "");
      }
    }
    assertThat(count).as("Latin with Vietnamese, Greek, Cyrillic, punctuation").isGreaterThan(500);
    String text = accepted.toString();

    byte[] pdf = new PdfRenderer().render(document(text, text.toUpperCase(VIETNAMESE)));

    assertThat(pdf).isNotEmpty();
  }

  @Test
  void everyVietnameseLetterWithEveryTonePrintsAndReadsBack() throws IOException {
    String lower = PrintableTextPdfSample.VIETNAMESE;
    String upper = lower.toUpperCase(VIETNAMESE);
    assertThat(PrintableText.unprintable(lower + upper)).isEmpty();

    byte[] pdf = new PdfRenderer().render(document(lower, upper));

    try (PDDocument read = Loader.loadPDF(pdf)) {
      String printed = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
      assertThat(printed).contains(lower, upper);
    }
  }

  /** The texts in a left-aligned column, each in regular, bold and italic type. */
  private static OfficialDocument document(String... texts) {
    List<Line> lines = new ArrayList<>();
    for (String text : texts) {
      lines.add(new Line(List.of(new Span(text, false, false))));
      lines.add(new Line(List.of(new Span(text, true, false))));
      lines.add(new Line(List.of(new Span(text, false, true))));
    }
    return new OfficialDocument("Thử phông chữ", List.of(new Column(Align.LEFT, 13, lines)));
  }
}
