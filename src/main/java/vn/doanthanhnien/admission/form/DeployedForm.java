package vn.doanthanhnien.admission.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Camunda Form (form-js schema) as deployed with a process: the input fields it declares. What a submission of the
 * form may carry is decided by the deployed file, so a field an administrator adds in Modeler is accepted once it is
 * deployed, and a name no field declares is refused.
 */
public record DeployedForm(String id, Map<String, DeclaredField> fields) {

  /** The form of a task or start event that has none (a standalone task, a model without a form): no fields. */
  public static final DeployedForm NONE = new DeployedForm(null, Map.of());

  /** form-js components that only show something and submit no value. */
  private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "button", "spacer", "separator",
      "iframe", "table", "group", "dynamiclist", "filepicker-preview");

  public DeployedForm {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Set<String> keys() {
    return fields.keySet();
  }

  public static DeployedForm parse(JsonNode schema) {
    Map<String, DeclaredField> fields = new LinkedHashMap<>();
    collect(schema.path("components"), fields);
    return new DeployedForm(schema.path("id").asText(null), fields);
  }

  /** form-js names a date field's label {@code dateLabel}. */
  private static String label(JsonNode component, String key) {
    for (String name : List.of("label", "dateLabel", "timeLabel")) {
      String label = component.path(name).asText("");
      if (!label.isBlank()) {
        return label.trim();
      }
    }
    return key;
  }

  private static void collect(JsonNode components, Map<String, DeclaredField> fields) {
    List<JsonNode> all = new ArrayList<>();
    components.forEach(all::add);
    for (JsonNode component : all) {
      String type = component.path("type").asText("");
      String key = component.path("key").asText(null);
      if (key != null && !DISPLAY_ONLY.contains(type)) {
        fields.put(key, new DeclaredField(key, type, label(component, key), component));
      }
      collect(component.path("components"), fields);
    }
  }
}
