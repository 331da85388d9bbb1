package vn.doanthanhnien.admission.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One input field of a deployed Camunda Form, with what form-js declares for it: its type, label, the checks under
 * {@code validate} (required, min, max, minLength, maxLength, pattern), the allowed values of a radio, select or
 * checklist, and the custom properties that an administrator sets in Modeler's "Custom properties" panel:
 * <ul>
 *   <li>{@code notInFuture = true}: a date that must not lie after today (meetings and decisions are recorded after
 *   the fact);</li>
 *   <li>{@code partyOnly = true}: personal detail only the candidacy's Party units may read (never a process variable,
 *   never in the engine's history);</li>
 *   <li>{@code vote = votesFor | memberCount}: the two numbers a vote's threshold is measured with.</li>
 * </ul>
 *
 * @param component the form-js component as deployed
 */
public record DeclaredField(String key, String type, String label, JsonNode component) {

  public static final String NOT_IN_FUTURE = "notInFuture";
  public static final String PARTY_ONLY = "partyOnly";
  public static final String VOTE = "vote";

  public boolean required() {
    return validate().path("required").asBoolean(false);
  }

  public Optional<Long> min() {
    return number(validate().path("min"));
  }

  public Optional<Long> max() {
    return number(validate().path("max"));
  }

  public Optional<Integer> minLength() {
    return number(validate().path("minLength")).map(Long::intValue);
  }

  public Optional<Integer> maxLength() {
    return number(validate().path("maxLength")).map(Long::intValue);
  }

  public Optional<String> pattern() {
    String pattern = validate().path("pattern").asText("");
    return pattern.isBlank() ? Optional.empty() : Optional.of(pattern);
  }

  /** A number with {@code decimalDigits: 0}: a count of people, votes, months. */
  public boolean wholeNumber() {
    return component.path("decimalDigits").asInt(-1) == 0;
  }

  /** A date field (form-js {@code datetime} with {@code subtype: date}). */
  public boolean date() {
    return type.equals("datetime") && component.path("subtype").asText("date").equals("date");
  }

  /** The allowed values of a radio, select, checklist or taglist, each with its label. */
  public List<Choice> choices() {
    List<Choice> choices = new ArrayList<>();
    component.path("values").forEach(v -> choices.add(new Choice(v.path("value"), v.path("label").asText(""))));
    return choices;
  }

  /** A custom property ({@code properties} in the form-js schema), if set. */
  public Optional<String> property(String name) {
    String value = component.path("properties").path(name).asText("");
    return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public boolean flagged(String property) {
    return property(property).map(Boolean::parseBoolean).orElse(false);
  }

  private JsonNode validate() {
    return component.path("validate");
  }

  private static Optional<Long> number(JsonNode node) {
    return node.isNumber() || node.isTextual() && node.asText().matches("-?\\d{1,15}")
        ? Optional.of(node.asLong()) : Optional.empty();
  }

  /** One allowed value and the label the form shows for it. */
  public record Choice(JsonNode value, String label) {

    /** Whether a submitted value is this one: the form's {@code true} matches Tasklist's "true" as well. */
    boolean matches(Object submitted) {
      return submitted != null && (value.isTextual() ? value.asText() : value.toString())
          .equals(String.valueOf(submitted));
    }

    /** The value as the form declares it: a boolean, a number or a text. */
    Object typed() {
      if (value.isBoolean()) {
        return value.asBoolean();
      }
      if (value.isIntegralNumber()) {
        return value.asLong() == value.asInt() ? (Object) value.asInt() : (Object) value.asLong();
      }
      return value.isNumber() ? value.decimalValue() : value.asText();
    }
  }
}
