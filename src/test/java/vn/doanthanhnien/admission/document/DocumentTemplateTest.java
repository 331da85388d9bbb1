package vn.doanthanhnien.admission.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanthanhnien.admission.document.OfficialDocument.Align;
import vn.doanthanhnien.admission.document.OfficialDocument.Column;
import vn.doanthanhnien.admission.document.OfficialDocument.Columns;
import vn.doanthanhnien.admission.document.OfficialDocument.Line;
import vn.doanthanhnien.admission.document.OfficialDocument.Span;

/** The template language, without the engine. */
class DocumentTemplateTest {

  private static final String TEMPLATE = """
      # a comment
      [header-left]
      ${unit|upper}
      ***
      [header-right]
      *Hà Nội, ${date}*
      [title]
      **NGHỊ QUYẾT**
      [body]
      **Điều 1.** Đồng chí ${name} — ${votes} phiếu.
      {if passed}Đạt.
      {if failed}Không đạt.

      [signature-left]
      [signature-right]
      **BÍ THƯ**
      """;

  @Test
  void sectionsBecomeBlocksAndMarksBecomeStyles() {
    OfficialDocument document = DocumentTemplate.parse("t.txt", TEMPLATE).fill("Tiêu đề",
        Map.of("unit", "Chi đoàn Vụ Tổng hợp", "date", "ngày 05 tháng 02 năm 2026", "name", "Nguyễn Thị Hồng Nhung",
            "votes", "21"), true);

    assertThat(document.blocks()).hasSize(4);
    Columns header = (Columns) document.blocks().get(0);
    assertThat(header.left().lines()).extracting(Line::text).containsExactly("CHI ĐOÀN VỤ TỔNG HỢP", "***");
    assertThat(header.right().lines().get(0).spans()).containsExactly(
        new Span("Hà Nội, ngày 05 tháng 02 năm 2026", false, true));
    Column body = (Column) document.blocks().get(2);
    assertThat(body.align()).isEqualTo(Align.JUSTIFY);
    assertThat(body.lines().get(0).spans()).containsExactly(new Span("Điều 1.", true, false),
        new Span(" Đồng chí Nguyễn Thị Hồng Nhung — 21 phiếu.", false, false));
    assertThat(body.lines()).extracting(Line::text).containsExactly(
        "Điều 1. Đồng chí Nguyễn Thị Hồng Nhung — 21 phiếu.", "Đạt.", "");
    Columns signature = (Columns) document.blocks().get(3);
    assertThat(signature.left().lines()).isEmpty();
    assertThat(signature.right().lines()).extracting(Line::text).containsExactly("BÍ THƯ");
  }

  @Test
  void aFailedVoteKeepsTheFailedLines() {
    OfficialDocument document = DocumentTemplate.parse("t.txt", TEMPLATE).fill("Tiêu đề",
        Map.of("unit", "u", "date", "d", "name", "n", "votes", "3"), false);

    assertThat(((Column) document.blocks().get(2)).lines()).extracting(Line::text).contains("Không đạt.")
        .doesNotContain("Đạt.");
  }

  @Test
  void valuesAreComposedAndCannotBreakTheLineOrAddMarks() {
    OfficialDocument document = DocumentTemplate.parse("t.txt", "[body]\n${name}\n").fill("t",
        Map.of("name", Normalizer.normalize("Hồng\nNhung **x**", Normalizer.Form.NFD)), true);

    assertThat(((Column) document.blocks().get(0)).lines().get(0).spans())
        .containsExactly(new Span("Hồng Nhung **x**", false, false));
  }

  @Test
  void mistakesInATemplateFailLoudly() {
    assertThatThrownBy(() -> DocumentTemplate.parse("t.txt", "[body]\n${missing}\n").fill("t", Map.of(), true))
        .hasMessageContaining("t.txt line 2: no value for ${missing}");
    assertThatThrownBy(() -> DocumentTemplate.parse("t.txt", "[footer]\n")).hasMessageContaining("[footer]");
    assertThatThrownBy(() -> DocumentTemplate.parse("t.txt", "[header-left]\n[body]\n"))
        .hasMessageContaining("header-right");
    assertThatThrownBy(() -> DocumentTemplate.parse("t.txt", "[signature-right]\n"))
        .hasMessageContaining("signature-right");
    assertThatThrownBy(() -> DocumentTemplate.parse("t.txt", "text\n[body]\n")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> DocumentTemplate.parse("t.txt", "[body]\n${bad name}\n")).hasMessageContaining("line 2");
  }

  @Test
  void datesAndSharesReadAsInOfficialDocuments() {
    assertThat(DocumentValues.date(LocalDate.of(2026, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2026");
    assertThat(DocumentValues.date(LocalDate.of(2026, 3, 9))).isEqualTo("ngày 09 tháng 3 năm 2026");
    assertThat(DocumentValues.date(LocalDate.of(2026, 11, 17))).isEqualTo("ngày 17 tháng 11 năm 2026");
    assertThat(DocumentValues.percent(21, 25)).isEqualTo("84");
    assertThat(DocumentValues.percent(14, 15)).isEqualTo("93,33");
    assertThat(DocumentValues.percent(1, 8)).isEqualTo("12,5");
    assertThat(DocumentValues.percent(9, 9)).isEqualTo("100");
    assertThat(DocumentValues.percent(0, 9)).isEqualTo("0");
  }
}
