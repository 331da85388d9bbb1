package vn.doanthanhnien.admission.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese locale files of the Camunda webapps against the English ones of the Camunda webjar on the classpath,
 * so that a Camunda upgrade that adds, renames or removes labels fails here with the list of keys to translate.
 */
class WebappTranslationTest {

  private static final Path APPS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Values that stay as in English: identifiers, product and type names, format strings. */
  private static final Set<String> KEPT_AS_IS = Set.of("ID", "ID*", "Tenant", "Optimize", "null", "<null>", "<undefined>", "Camunda", "Cockpit",
      "Camunda Cockpit", "Admin", "Tasklist", "Boolean", "Double", "Integer", "Long", "Short", "String", "CSV", "JSON",
      "YYYY-MM-DDTHH:mm:ss", "DD/MM/YYYY", "HH:mm");

  /** What must come out of a translation as it went in: Angular placeholders, moment.js tokens, HTML tags. */
  private static final List<Pattern> KEPT = List.of(
      Pattern.compile("\\{\\{\\s*(.*?)\\s*}}"),
      Pattern.compile("%[ds]"),
      Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>"));

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyEnglishLabelHasVietnameseWithItsPlaceholders(String app) throws IOException {
    Path vi = APPS.resolve(app).resolve("locales/vi.json");
    // Cockpit's file is written in another branch; the check runs once it is merged.
    Assumptions.assumeTrue(Files.exists(vi), () -> vi + " does not exist yet: " + app + " not checked");

    Map<String, JsonNode> english = leaves(JSON.readTree(webjarEnglish(app)));
    Map<String, JsonNode> vietnamese = leaves(JSON.readTree(Files.readAllBytes(vi)));

    List<String> missing = english.keySet().stream().filter(k -> !vietnamese.containsKey(k)).toList();
    List<String> extra = vietnamese.keySet().stream().filter(k -> !english.containsKey(k)).toList();
    List<String> wrong = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode tr = vietnamese.get(key);
      if (tr == null) {
        return;
      }
      if (en.getNodeType() != tr.getNodeType()) {
        wrong.add(key + ": " + tr.getNodeType() + " instead of " + en.getNodeType());
      } else if (en.isTextual()) {
        // An empty English label (Tasklist's NO_TASK_FORM) is meant to show nothing; an English plural suffix
        // ("s", Cockpit's PLGN_BATCH_S) has no Vietnamese counterpart.
        if (tr.asText().isBlank() && !en.asText().isBlank() && !en.asText().equals("s")) {
          wrong.add(key + ": blank");
        }
        if (tr.asText().equals(en.asText()) && en.asText().matches(".*\\p{L}{2}.*") && !KEPT_AS_IS.contains(en.asText())) {
          wrong.add(key + ": left in English: " + en.asText());
        }
        for (Pattern kept : KEPT) {
          if (!tokens(kept, en.asText()).equals(tokens(kept, tr.asText()))) {
            wrong.add(key + ": " + tokens(kept, tr.asText()) + " instead of " + tokens(kept, en.asText()));
          }
        }
      }
    });

    if (!missing.isEmpty() || !extra.isEmpty() || !wrong.isEmpty()) {
      fail(vi + " does not match Camunda's en.json:"
          + "\n  missing (translate them): " + missing
          + "\n  not in en.json (remove them): " + extra
          + "\n  wrong: " + String.join("\n    ", wrong));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void datesAreWrittenDayFirst(String app) throws IOException {
    Map<String, JsonNode> vietnamese = leaves(JSON.readTree(Files.readAllBytes(APPS.resolve(app)
        .resolve("locales/vi.json"))));

    Assumptions.assumeTrue(vietnamese.containsKey("dateLocales.longDateFormat.L"), app + " has no date formats");
    assertThat(vietnamese.get("dateLocales.longDateFormat.L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(vietnamese.get("dateLocales.longDateFormat.LT").asText()).isEqualTo("HH:mm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void configurationMakesVietnameseAvailableWithEnglishAsFallback(String app) throws IOException {
    String config = withoutLineComments(Files.readString(APPS.resolve(app).resolve("scripts/config.js")));
    // Every app's configuration takes the locales and date formats the webapps share.
    String shared = withoutLineComments(Files.readString(APPS.resolve("vietnamese-settings.js")));

    assertThat(config).as(app + " config.js").contains("import { locales, dateFormat } from '../../vietnamese-settings.js';")
        .contains("  locales,\n  dateFormat,");
    assertThat(quoted(shared, "availableLocales:\\s*\\[([^\\]]*)]")).as("availableLocales").contains("vi", "en");
    assertThat(quoted(shared, "fallbackLocale:\\s*('[^']*')")).as("fallbackLocale").containsExactly("en");
    // The script that makes Vietnamese the language whatever the browser's.
    assertThat(quoted(config, "customScripts:\\s*\\[([^\\]]*)]")).as(app + " customScripts").contains("../vietnamese");
    assertThat(APPS.resolve("vietnamese.js")).exists();
  }

  private static InputStream webjarEnglish(String app) throws IOException {
    String name = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
    // The webjar's file, not one of ours of the same path.
    for (URL url : Collections.list(WebappTranslationTest.class.getClassLoader().getResources(name))) {
      if (url.getProtocol().equals("jar")) {
        return url.openStream();
      }
    }
    throw new IllegalStateException(name + " is not in the Camunda webjar on the test classpath");
  }

  /** Every value that is not an object or array, by its path (array items by index). */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.groupCount() > 0 ? m.group(1) : m.group());
    }
    Collections.sort(found);
    return found;
  }

  private static String withoutLineComments(String js) {
    return js.lines().filter(line -> !line.strip().startsWith("//") && !line.strip().startsWith("*")
        && !line.strip().startsWith("/*")).collect(Collectors.joining("\n"));
  }

  /** The quoted strings inside the first match's group. */
  private static List<String> quoted(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      return List.of();
    }
    return tokens(Pattern.compile("'([^']*)'"), m.group(1)).stream().toList();
  }
}
