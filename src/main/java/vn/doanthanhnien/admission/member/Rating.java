package vn.doanthanhnien.admission.member;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Yearly Youth Union rating: hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. */
public enum Rating {
  EXCELLENT("Hoàn thành xuất sắc nhiệm vụ"),
  GOOD("Hoàn thành tốt nhiệm vụ"),
  COMPLETED("Hoàn thành nhiệm vụ"),
  NOT_COMPLETED("Không hoàn thành nhiệm vụ");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  /** As the branch writes it in its minutes. */
  public String label() {
    return label;
  }

  /** A rating by its code ({@code GOOD}, any case) or its Vietnamese label, as a secretary types either in a sheet. */
  public static Optional<Rating> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = Normalizer.normalize(text.trim(), Normalizer.Form.NFC);
    return Arrays.stream(values())
        .filter(r -> r.name().equalsIgnoreCase(value) || r.label.toLowerCase(Locale.ROOT)
            .equals(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")))
        .findFirst();
  }
}
