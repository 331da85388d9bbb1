package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;

class InputCheckTest {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @Test
  void datesAreIsoStringsOrDatesReadInVietnamTime() {
    InputCheck in = new InputCheck(VIETNAM);

    assertThat(in.date("Ngày", "2026-02-28", true)).isEqualTo(LocalDate.of(2026, 2, 28));
    // 17:30 UTC on 26 November is already 27 November in Hà Nội.
    assertThat(in.date("Ngày", Date.from(java.time.Instant.parse("2026-11-26T17:30:00Z")), true))
        .isEqualTo(TODAY);
    assertThat(in.hasErrors()).isFalse();
  }

  @Test
  void impossibleAndFutureDatesAreRefused() {
    InputCheck in = new InputCheck(VIETNAM);

    assertThat(in.date("Ngày họp", "2026-27-01", true)).isNull();
    assertThat(in.date("Ngày họp", "2026-02-29", true)).isNull();
    assertThat(in.pastDate("Ngày quyết định", "2026-11-28", true, TODAY)).isNull();
    assertThat(in.pastDate("Ngày lễ", "2026-11-27", true, TODAY)).isEqualTo(TODAY);

    assertThatThrownBy(in::throwIfInvalid).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getReasons()).containsExactly(
            "Ngày họp không phải là ngày hợp lệ (định dạng yyyy-MM-dd): 2026-27-01.",
            "Ngày họp không phải là ngày hợp lệ (định dạng yyyy-MM-dd): 2026-02-29.",
            "Ngày quyết định (2026-11-28) không được sau ngày hôm nay."));
  }

  @Test
  void countsAreWholeNumbersFromTheirMinimum() {
    InputCheck in = new InputCheck(VIETNAM);

    assertThat(in.count("Số phiếu", 12, true, 0)).isEqualTo(12);
    assertThat(in.count("Số phiếu", 12L, true, 0)).isEqualTo(12);
    assertThat(in.count("Số phiếu", 3.0d, true, 0)).isEqualTo(3);
    assertThat(in.count("Số phiếu", 2.5d, true, 0)).isNull();
    assertThat(in.count("Số phiếu", "mười", true, 0)).isNull();
    assertThat(in.count("Số tháng", 11, true, 12)).isNull();
    assertThat(in.count("Số phiếu", null, true, 0)).isNull();

    assertThatThrownBy(in::throwIfInvalid).isInstanceOf(InvalidInputException.class)
        .hasMessageContainingAll("phải là số nguyên: 2.5", "phải là số nguyên: mười", "Số tháng phải từ 12 trở lên",
            "Số phiếu là bắt buộc");
  }

  @Test
  void flagsAcceptBooleansAndTheirText() {
    InputCheck in = new InputCheck(VIETNAM);

    assertThat(in.flag("Chuẩn y", true, true)).isTrue();
    assertThat(in.flag("Chuẩn y", "false", true)).isFalse();
    assertThat(in.flag("Chuẩn y", "có", true)).isNull();
    assertThat(in.flag("Chuẩn y", null, true)).isNull();
    assertThat(in.flag("Tùy chọn", null, false)).isNull();

    assertThatThrownBy(in::throwIfInvalid).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getReasons())
            .containsExactly("Chuẩn y phải là Có hoặc Không.", "Chuẩn y là bắt buộc."));
  }

  @Test
  void textTheDocumentsCannotPrintIsRefusedWithTheCharactersNamed() {
    InputCheck in = new InputCheck(VIETNAM);

    assertThat(in.text("Họ và tên", "Nguyễn Văn An 😀", true, 255)).isNull();
    assertThat(in.text("Họ và tên", "محمد", true, 255)).isNull();
    assertThat(in.text("Số nghị quyết", "15-NQ/ĐTN 決議", true, 100)).isNull();

    assertThat(in.reasons()).containsExactly(
        "Họ và tên có ký tự không in được trên văn bản: 😀 (U+1F600). Chỉ dùng chữ cái Latinh (kể cả tiếng Việt có "
            + "dấu), chữ số và các dấu câu thông dụng.",
        "Họ và tên có ký tự không in được trên văn bản: م (U+0645), ح (U+062D), د (U+062F). Chỉ dùng chữ cái Latinh "
            + "(kể cả tiếng Việt có dấu), chữ số và các dấu câu thông dụng.",
        "Số nghị quyết có ký tự không in được trên văn bản: 決 (U+6C7A), 議 (U+8B70). Chỉ dùng chữ cái Latinh (kể cả "
            + "tiếng Việt có dấu), chữ số và các dấu câu thông dụng.");
  }

  @Test
  void everyVietnameseLetterWithEveryToneIsAcceptedAndDecomposedInputIsComposed() {
    InputCheck in = new InputCheck(VIETNAM);

    assertThat(in.text("Họ và tên", PrintableTextPdfSample.VIETNAMESE, true, 1000))
        .isEqualTo(PrintableTextPdfSample.VIETNAMESE);
    assertThat(in.text("Họ và tên", PrintableTextPdfSample.VIETNAMESE.toUpperCase(), true, 1000))
        .isEqualTo(PrintableTextPdfSample.VIETNAMESE.toUpperCase());
    // "Nguyễn" typed on a keyboard that sends the tone as a combining mark (NFD).
    assertThat(in.text("Họ và tên", "Nguye\u0302\u0303n – “Đức”, 1/2 ‰", true, 100))
        .isEqualTo("Nguyễn – “Đức”, 1/2 ‰");
    assertThat(in.hasErrors()).isFalse();
  }
}
