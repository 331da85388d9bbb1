package vn.doanthanhnien.admission.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cockpit's Vietnamese locale ({@code vi.json}, served beside the webjar's locales) against the webjar's
 * {@code en.json}: the same keys, every value translated, the same placeholders and markup in each. Fails when a
 * Camunda upgrade adds, renames or removes a key, so that the file is brought up to date with it.
 */
class CockpitLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/cockpit/locales/";

  /** Angular interpolations, {@code {}} counts, moment's {@code %s}/{@code %d}, entities, HTML tags, line breaks. */
  private static final Pattern PLACEHOLDERS = Pattern.compile(
      "\\{\\{.*?\\}\\}|\\{\\d*\\}|%[sd]|&\\w+;|</?(?:a|b|i|p|br|em|strong|span|div|code|pre|ul|ol|li|small|kbd)\\b[^>]*>|\n");

  /** English plural suffixes ("s"): Vietnamese nouns have none, so these are the only empty values. */
  private static final Set<String> MAY_BE_EMPTY = Set.of(
      "labels.PLGN_BATCH_S", "labels.PLGN_MIG_S", "labels.PLGN_MOD_DIALOG_S", "labels.PLGN_MOD_RESTART_DIALOG_S");

  /** Values that stay as in English: identifiers, product and type names, symbols, format strings. */
  private static final Set<String> KEPT = Set.of(
      "ID", "null", "<null>", "<undefined>", "Camunda", "Cockpit", "Camunda Cockpit", "Admin", "Tasklist",
      "Boolean", "Double", "Integer", "Long", "Short", "String", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss",
      "<", "<=", ">", ">=", "L", "DD/MM/YYYY", "HH:mm");

  private static Map<String, JsonNode> english;
  private static Map<String, JsonNode> vietnamese;

  @BeforeAll
  static void read() throws IOException {
    english = flatten(load("en.json"));
    vietnamese = flatten(load("vi.json"));
  }

  @Test
  void hasExactlyTheKeysOfTheEnglishFile() {
    assertThat(vietnamese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    assertThat(english).hasSizeGreaterThan(2400);
  }

  @Test
  void everyValueIsTranslatedWithTheSamePlaceholdersAndMarkup() {
    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null) {
        return;
      }
      if (!en.isTextual()) {
        if (!en.equals(vi)) {
          problems.add(key + ": " + vi + " instead of " + en);
        }
        return;
      }
      String e = en.asText();
      String v = vi.asText();
      if (v.isBlank() && !MAY_BE_EMPTY.contains(key)) {
        problems.add(key + ": empty");
      }
      if (v.equals(e) && !KEPT.contains(e)) {
        problems.add(key + ": left in English: " + e);
      }
      if (!placeholders(e).equals(placeholders(v))) {
        problems.add(key + ": placeholders " + placeholders(v) + " instead of " + placeholders(e));
      }
      if (!v.isEmpty() && (e.startsWith(" ") != v.startsWith(" ") || e.endsWith(" ") != v.endsWith(" "))) {
        problems.add(key + ": leading or trailing space differs from the English '" + e + "'");
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void datesAreWrittenDayFirst() {
    assertThat(vietnamese.get("dateLocales.longDateFormat.L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(vietnamese.get("dateLocales.longDateFormat.LLL").asText()).isEqualTo("DD/MM/YYYY LT");
    assertThat(vietnamese.get("dateLocales.longDateFormat.LT").asText()).isEqualTo("HH:mm");
  }

  private static JsonNode load(String file) throws IOException {
    try (InputStream in = CockpitLocaleTest.class.getClassLoader().getResourceAsStream(LOCALES + file)) {
      assertThat(in).as(LOCALES + file).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  /** Every leaf by its path: {@code labels.SAVE}, {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDERS.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    found.sort(null);
    return found;
  }
}
