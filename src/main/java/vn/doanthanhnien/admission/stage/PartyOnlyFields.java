package vn.doanthanhnien.admission.stage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The names of the form fields marked Party-only ({@code partyOnly} in the form's custom properties) in the forms read
 * so far. A form is read before any of its submissions is stored, so the history filter knows a field's mark by the
 * time the engine would write its value.
 */
@Component
public class PartyOnlyFields {

  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  void add(String key) {
    keys.add(key);
  }

  public Set<String> keys() {
    return Set.copyOf(keys);
  }

  boolean contains(String key) {
    return keys.contains(key);
  }
}
