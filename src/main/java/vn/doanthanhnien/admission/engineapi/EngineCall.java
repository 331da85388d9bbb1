package vn.doanthanhnien.admission.engineapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.UrlPathHelper;

/**
 * A request to the engine's REST API, its path taken the way Jersey matches it (decoded, without {@code ;params},
 * empty segments dropped) and relative to the engine: {@code /engine-rest/task/1/claim},
 * {@code /engine-rest/engine/default/task/1/claim} and the webapps' {@code /camunda/api/engine/engine/default/task/1/claim}
 * are all {@code task/1/claim}.
 */
record EngineCall(String method, List<String> segments, boolean webapp) {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine";
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  static {
    PATHS.setUrlDecode(true);
    PATHS.setRemoveSemicolonContent(true);
  }

  /** The call, or null when the request is not for the engine's REST API. */
  static EngineCall of(HttpServletRequest request) {
    String path = PATHS.getPathWithinApplication(request);
    boolean webapp = path.startsWith(WEBAPP_ENGINE_API + "/");
    if (!webapp && !path.startsWith(ENGINE_REST + "/") && !path.equals(ENGINE_REST)) {
      return null;
    }
    List<String> segments = Arrays.stream(path.substring(webapp ? WEBAPP_ENGINE_API.length() : ENGINE_REST.length())
        .split("/")).filter(s -> !s.isEmpty()).toList();
    // Named engine: /engine/{name}/… (the webapps always name it, /engine-rest may).
    if (segments.size() >= 2 && segments.get(0).equals("engine")) {
      segments = segments.subList(2, segments.size());
    }
    return new EngineCall(request.getMethod().toUpperCase(java.util.Locale.ROOT), segments, webapp);
  }

  boolean reads() {
    return READ_METHODS.contains(method);
  }

  String path() {
    return String.join("/", segments);
  }

  String segment(int index) {
    return index < segments.size() ? segments.get(index) : null;
  }

  /** Whether the path is {@code pattern}, where {@code *} stands for any one segment. */
  boolean is(String method, String pattern) {
    if (!this.method.equals(method)) {
      return false;
    }
    String[] parts = pattern.split("/");
    if (parts.length != segments.size()) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }
}
