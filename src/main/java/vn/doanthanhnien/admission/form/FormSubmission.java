package vn.doanthanhnien.admission.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.form.DeclaredField.Choice;

/**
 * Checks a submission against what its deployed form declares, on the server: a REST caller is not Tasklist and skips
 * form-js's own checks. Every problem is collected in {@link InputCheck} as a Vietnamese sentence naming the field by
 * its label in the form; the values come back typed (text, whole number, {@link LocalDate}, boolean, the declared value
 * of a choice, a list for a checklist), null where a value is absent or refused.
 */
public final class FormSubmission {

  /** The longest text a field without its own {@code maxLength} takes. */
  static final int DEFAULT_MAX_LENGTH = 4000;

  private FormSubmission() {
  }

  public static Map<String, Object> check(DeployedForm form, Map<String, Object> submitted, InputCheck in,
      LocalDate today) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (DeclaredField field : form.fields().values()) {
      values.put(field.key(), value(field, submitted.get(field.key()), in, today));
    }
    return values;
  }

  private static Object value(DeclaredField field, Object raw, InputCheck in, LocalDate today) {
    String label = field.label();
    return switch (field.type()) {
      case "number" -> number(field, raw, in);
      case "checkbox" -> {
        Boolean checked = in.flag(label, raw, false);
        in.require(!field.required() || Boolean.TRUE.equals(checked) || checked == null && raw != null,
            "Cần đánh dấu «" + label + "».");
        yield checked == null && raw == null ? Boolean.FALSE : checked;
      }
      case "radio", "select" -> choice(field, raw, in);
      case "checklist", "taglist" -> choices(field, raw, in);
      case "datetime" -> field.date()
          ? field.flagged(DeclaredField.NOT_IN_FUTURE) ? in.pastDate(label, raw, field.required(), today)
              : in.date(label, raw, field.required())
          : text(field, raw, in);
      default -> text(field, raw, in);
    };
  }

  private static String text(DeclaredField field, Object raw, InputCheck in) {
    String text = in.text(field.label(), raw, field.required(), field.maxLength().orElse(DEFAULT_MAX_LENGTH));
    if (text == null) {
      return null;
    }
    Optional<Integer> minLength = field.minLength();
    if (minLength.isPresent() && text.length() < minLength.get()) {
      in.fail(field.label() + " phải có ít nhất " + minLength.get() + " ký tự.");
      return null;
    }
    Optional<String> pattern = field.pattern();
    if (pattern.isPresent() && !matches(pattern.get(), text)) {
      in.fail(field.label() + " không đúng định dạng quy định: " + text + ".");
      return null;
    }
    return text;
  }

  private static Object number(DeclaredField field, Object raw, InputCheck in) {
    long min = field.min().orElse((long) Integer.MIN_VALUE);
    Integer whole = in.count(field.label(), raw, field.required(), (int) Math.max(min, Integer.MIN_VALUE));
    Optional<Long> max = field.max();
    if (whole != null && max.isPresent() && whole > max.get()) {
      in.fail(field.min().map(m -> field.label() + " phải từ " + m + " đến " + max.get() + ".")
          .orElse(field.label() + " không được lớn hơn " + max.get() + "."));
      return null;
    }
    return whole;
  }

  private static Object choice(DeclaredField field, Object raw, InputCheck in) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      in.require(!field.required(), field.label() + " là bắt buộc.");
      return null;
    }
    Optional<Choice> chosen = field.choices().stream().filter(c -> c.matches(raw)).findFirst();
    if (chosen.isEmpty()) {
      in.fail(field.label() + " phải là một trong các giá trị: " + labels(field.choices()) + ".");
      return null;
    }
    return chosen.get().typed();
  }

  private static List<Object> choices(DeclaredField field, Object raw, InputCheck in) {
    Collection<?> picked = raw instanceof Collection<?> list ? list : raw == null ? List.of() : null;
    if (picked == null) {
      in.fail(field.label() + " phải là một danh sách các giá trị: " + labels(field.choices()) + ".");
      return null;
    }
    in.require(!field.required() || !picked.isEmpty(), field.label() + " là bắt buộc.");
    List<Object> values = new ArrayList<>();
    for (Object one : picked) {
      Optional<Choice> chosen = field.choices().stream().filter(c -> c.matches(one)).findFirst();
      if (chosen.isEmpty()) {
        in.fail(field.label() + " không có giá trị «" + one + "»; chỉ chọn trong: " + labels(field.choices()) + ".");
        return null;
      }
      values.add(chosen.get().typed());
    }
    return values;
  }

  private static String labels(List<Choice> choices) {
    return choices.stream().map(Choice::label).collect(Collectors.joining(", "));
  }

  /** form-js tests the pattern against the whole value; a pattern that does not compile refuses nothing. */
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }
}
