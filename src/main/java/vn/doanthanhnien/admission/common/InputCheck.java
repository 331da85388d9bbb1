package vn.doanthanhnien.admission.common;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads untyped input (JSON values, Camunda variables) field by field and collects every problem as a Vietnamese
 * sentence, so the user learns all of them at once. Dates are ISO {@code yyyy-MM-dd} strings or {@link Date}s and
 * are checked strictly (2026-02-30 is refused, not rolled over).
 */
public final class InputCheck {

  private final ZoneId zone;
  private final List<String> errors = new ArrayList<>();

  public InputCheck(ZoneId zone) {
    this.zone = zone;
  }

  public String text(String label, Object value, boolean required, int maxLength) {
    if (value == null || value.toString().isBlank()) {
      if (required) {
        errors.add(label + " là bắt buộc.");
      }
      return null;
    }
    String text = Normalizer.normalize(value.toString().trim(), Normalizer.Form.NFC);
    if (text.length() > maxLength) {
      errors.add(label + " dài quá " + maxLength + " ký tự.");
      return null;
    }
    // Text may reach the documents (names, units, resolution numbers, reasons): what they cannot print is refused.
    List<String> unprintable = PrintableText.unprintable(text);
    if (!unprintable.isEmpty()) {
      errors.add(label + " có ký tự không in được trên văn bản: " + String.join(", ", unprintable)
          + ". Chỉ dùng chữ cái Latinh (kể cả tiếng Việt có dấu), chữ số và các dấu câu thông dụng.");
      return null;
    }
    return text;
  }

  public LocalDate date(String label, Object value, boolean required) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        errors.add(label + " là bắt buộc.");
      }
      return null;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    try {
      return LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      errors.add(label + " không phải là ngày hợp lệ (định dạng yyyy-MM-dd): " + value + ".");
      return null;
    }
  }

  /** A date that must not lie after {@code today} (meetings, decisions and certificates are recorded after the fact). */
  public LocalDate pastDate(String label, Object value, boolean required, LocalDate today) {
    LocalDate date = date(label, value, required);
    if (date != null && date.isAfter(today)) {
      errors.add(label + " (" + date + ") không được sau ngày hôm nay.");
      return null;
    }
    return date;
  }

  public Integer count(String label, Object value, boolean required, int min) {
    if (value == null) {
      if (required) {
        errors.add(label + " là bắt buộc.");
      }
      return null;
    }
    Long whole = wholeNumber(value);
    if (whole == null) {
      errors.add(label + " phải là số nguyên: " + value + ".");
      return null;
    }
    if (whole < min) {
      errors.add(min == 0 ? label + " không được nhỏ hơn 0." : label + " phải từ " + min + " trở lên.");
      return null;
    }
    if (whole > Integer.MAX_VALUE) {
      errors.add(label + " quá lớn.");
      return null;
    }
    return whole.intValue();
  }

  public Boolean flag(String label, Object value, boolean required) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s);
    }
    if (value != null && !(value instanceof String s && s.isBlank())) {
      errors.add(label + " phải là Có hoặc Không.");
    } else if (required) {
      errors.add(label + " là bắt buộc.");
    }
    return null;
  }

  public <E extends Enum<E>> E choice(String label, Object value, Class<E> type) {
    if (value == null || value.toString().isBlank()) {
      errors.add(label + " là bắt buộc.");
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().trim());
    } catch (IllegalArgumentException e) {
      errors.add(label + " không hợp lệ: " + value + ".");
      return null;
    }
  }

  /** Adds {@code message} unless {@code condition} holds; checks on values that failed to parse are skipped. */
  public void require(boolean condition, String message) {
    if (!condition) {
      errors.add(message);
    }
  }

  public void fail(String message) {
    errors.add(message);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<String> reasons() {
    return List.copyOf(errors);
  }

  public void throwIfInvalid() {
    if (hasErrors()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Throws with {@code headline} before the reasons, for messages shown as one line (Tasklist, engine REST). */
  public void throwIfInvalid(String headline) {
    if (hasErrors()) {
      throw new InvalidInputException(headline, errors);
    }
  }

  private static Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
    }
    if (value instanceof String s && s.trim().matches("-?\\d{1,12}")) {
      return Long.parseLong(s.trim());
    }
    return null;
  }
}
