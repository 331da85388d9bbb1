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
public record DeployedForm(String id, Map<String, DeclaredField> fields, Map<String, DeployedForm> lists) {

  /** The form of a task or start event that has none (a standalone task, a model without a form): no fields. */
  public static final DeployedForm NONE = new DeployedForm(null, Map.of(), Map.of());

  private static final String DYNAMIC_LIST = "dynamiclist";
  /** form-js components that only show something and submit no value. */
  private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "button", "spacer", "separator",
      "iframe", "table", "group", "dynamiclist", "filepicker-preview");

  /**
   * @param fields the fields outside any dynamic list
   * @param lists each dynamic list by its {@code path}, with the fields of one of its items: a submission carries the
   *     list as one value, a list of objects
   */
  public DeployedForm {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
  }

  /** The names a submission of the form may carry: its fields and its dynamic lists. */
  public Set<String> keys() {
    Set<String> keys = new java.util.LinkedHashSet<>(fields.keySet());
    keys.addAll(lists.keySet());
    return Collections.unmodifiableSet(keys);
  }

  public static DeployedForm parse(JsonNode schema) {
    return parse(schema.path("id").asText(null), schema.path("components"));
  }

  private static DeployedForm parse(String id, JsonNode components) {
    Map<String, DeclaredField> fields = new LinkedHashMap<>();
    Map<String, DeployedForm> lists = new LinkedHashMap<>();
    collect(components, fields, lists);
    return new DeployedForm(id, fields, lists);
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

  private static void collect(JsonNode components, Map<String, DeclaredField> fields,
      Map<String, DeployedForm> lists) {
    List<JsonNode> all = new ArrayList<>();
    components.forEach(all::add);
    for (JsonNode component : all) {
      String type = component.path("type").asText("");
      String key = component.path("key").asText(null);
      if (type.equals(DYNAMIC_LIST) && !component.path("path").asText("").isBlank()) {
        lists.put(component.path("path").asText(), parse(null, component.path("components")));
        continue;
      }
      if (key != null && !DISPLAY_ONLY.contains(type)) {
        fields.put(key, new DeclaredField(key, type, label(component, key), component));
      }
      collect(component.path("components"), fields, lists);
    }
  }
}
