package vn.doanthanhnien.admission.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.doanthanhnien.admission.document.OfficialDocument.Align;
import vn.doanthanhnien.admission.document.OfficialDocument.Block;
import vn.doanthanhnien.admission.document.OfficialDocument.Column;
import vn.doanthanhnien.admission.document.OfficialDocument.Columns;
import vn.doanthanhnien.admission.document.OfficialDocument.Line;
import vn.doanthanhnien.admission.document.OfficialDocument.Span;

/**
 * The text of one form (src/main/resources/documents/*.txt), read line by line:
 * <ul>
 *   <li>{@code [section]} starts a section: {@code header-left} and {@code header-right} (the two columns under the
 *   top margin), {@code title}, {@code body} (justified paragraphs), {@code centered}, {@code signature-left} and
 *   {@code signature-right}; sections may repeat, a {@code -left} is followed by its {@code -right};
 *   <li>every other line is one paragraph, an empty line a blank one; {@code #} starts a comment line;
 *   <li>{@code ${name}} is replaced by a value of the stage, {@code ${name|upper}} by the value in capitals;
 *   <li>{@code **bold**} and {@code *italic*} mark text; a line of asterisks only ({@code ***}) is kept as it is;
 *   <li>a line starting with {@code {if passed}} or {@code {if failed}} is kept only when the vote passed (the
 *   admission was approved) or not; one starting with {@code {if name}} only when the value {@code name} is there
 *   and not empty (a stage recorded at a shared meeting has {@code meetingId}); one starting with {@code {each}}
 *   once per row of a list (the members of the list handed to the Party), each with that row's values
 *   ({@code ${row.fullName}});
 * </ul>
 * A mistake in a template (an unknown section or placeholder) fails loudly rather than print a wrong document.
 */
final class DocumentTemplate {

  private static final Pattern SECTION = Pattern.compile("\\[([a-z-]+)]");
  private static final Pattern STYLE = Pattern.compile("\\*\\*(.+?)\\*\\*|\\*(.+?)\\*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(\\|upper)?}");
  private static final Pattern BAD_PLACEHOLDER = Pattern.compile("\\$\\{(?![A-Za-z0-9_.]+(\\|upper)?})");
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final String IF_PASSED = "{if passed}";
  private static final String IF_FAILED = "{if failed}";
  private static final String EACH = "{each}";
  /** {@code {if meetingId}}: the line prints only when the stage recorded that value (here: at a shared meeting). */
  private static final Pattern IF_VALUE = Pattern.compile("\\{if ([A-Za-z0-9_.]+)}");

  private enum Section {
    HEADER_LEFT(Align.CENTER, 13),
    HEADER_RIGHT(Align.CENTER, 13),
    TITLE(Align.CENTER, 14),
    BODY(Align.JUSTIFY, 14),
    CENTERED(Align.CENTER, 14),
    SIGNATURE_LEFT(Align.LEFT, 11),
    SIGNATURE_RIGHT(Align.CENTER, 13);

    final Align align;
    final int fontSize;

    Section(Align align, int fontSize) {
      this.align = align;
      this.fontSize = fontSize;
    }

    /** The section that must follow this one to complete its row, or null. */
    Section right() {
      return this == HEADER_LEFT ? HEADER_RIGHT : this == SIGNATURE_LEFT ? SIGNATURE_RIGHT : null;
    }

    boolean isRight() {
      return this == HEADER_RIGHT || this == SIGNATURE_RIGHT;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private enum Condition {
    ALWAYS,
    PASSED,
    FAILED
  }

  /**
   * @param requires the value that must be present and not empty for the line to print; null: none
   * @param each whether the line prints once per row of a list ({@code {each}}), with the row's values
   */
  private record TemplateLine(int number, Condition condition, String requires, boolean each, List<Span> spans) {

    boolean prints(boolean passed, Map<String, String> values) {
      return (condition == Condition.ALWAYS || (condition == Condition.PASSED) == passed)
          && (requires == null || values.get(requires) != null && !values.get(requires).isEmpty());
    }
  }

  private record Part(Section section, List<TemplateLine> lines) {
  }

  private final String name;
  private final List<Part> parts;

  private DocumentTemplate(String name, List<Part> parts) {
    this.name = name;
    this.parts = parts;
  }

  static DocumentTemplate parse(String name, String source) {
    List<Part> parts = new ArrayList<>();
    List<String> lines = Normalizer.normalize(source, Normalizer.Form.NFC).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      int number = i + 1;
      if (line.startsWith("#")) {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        Section next = sectionNamed(name, number, section.group(1));
        Section expected = parts.isEmpty() ? null : parts.get(parts.size() - 1).section().right();
        if (expected != null && next != expected) {
          throw new IllegalStateException(name + " line " + number + ": [" + expected.label() + "] expected, not ["
              + next.label() + "]");
        }
        if (expected == null && next.isRight()) {
          throw new IllegalStateException(name + " line " + number + ": [" + next.label()
              + "] must follow its -left section");
        }
        parts.add(new Part(next, new ArrayList<>()));
      } else if (parts.isEmpty()) {
        if (!line.isBlank()) {
          throw new IllegalStateException(name + " line " + number + ": text before the first [section]");
        }
      } else {
        parts.get(parts.size() - 1).lines().add(templateLine(name, number, line));
      }
    }
    if (!parts.isEmpty() && parts.get(parts.size() - 1).section().right() != null) {
      throw new IllegalStateException(name + ": [" + parts.get(parts.size() - 1).section().right().label()
          + "] expected at the end");
    }
    return new DocumentTemplate(name, parts);
  }

  /** The document with every placeholder replaced; a placeholder without a value is a mistake in the template. */
  OfficialDocument fill(String title, Map<String, String> values, boolean passed) {
    return fill(title, values, passed, List.of());
  }

  /** The same for a list: each {@code {each}} line prints once per row, with the row's values beside the others. */
  OfficialDocument fill(String title, Map<String, String> values, boolean passed, List<Map<String, String>> rows) {
    List<Block> blocks = new ArrayList<>();
    Column left = null;
    for (Part part : parts) {
      List<Line> lines = new ArrayList<>();
      for (TemplateLine line : part.lines()) {
        for (Map<String, String> row : line.each() ? rows : List.of(Map.<String, String>of())) {
          Map<String, String> lineValues = new java.util.HashMap<>(values);
          lineValues.putAll(row);
          if (line.prints(passed, lineValues)) {
            lines.add(new Line(line.spans().stream().map(s -> fill(s, lineValues, line.number())).toList()));
          }
        }
      }
      Column column = new Column(part.section().align, part.section().fontSize, lines);
      if (part.section().right() != null) {
        left = column;
      } else if (part.section().isRight()) {
        blocks.add(new Columns(left, column));
      } else {
        blocks.add(column);
      }
    }
    return new OfficialDocument(Normalizer.normalize(title, Normalizer.Form.NFC), blocks);
  }

  private Span fill(Span span, Map<String, String> values, int line) {
    Matcher placeholder = PLACEHOLDER.matcher(span.text());
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalStateException(name + " line " + line + ": no value for ${" + placeholder.group(1) + "}");
      }
      // A line break or tab typed into a field would break the line it is printed on.
      value = Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", " ");
      placeholder.appendReplacement(text,
          Matcher.quoteReplacement(placeholder.group(2) == null ? value : value.toUpperCase(VIETNAMESE)));
    }
    placeholder.appendTail(text);
    return new Span(text.toString(), span.bold(), span.italic());
  }

  private static Section sectionNamed(String name, int number, String label) {
    return Arrays.stream(Section.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow(() ->
        new IllegalStateException(name + " line " + number + ": unknown section [" + label + "]"));
  }

  private static TemplateLine templateLine(String name, int number, String line) {
    Condition condition = Condition.ALWAYS;
    if (line.startsWith(IF_PASSED)) {
      condition = Condition.PASSED;
      line = line.substring(IF_PASSED.length()).strip();
    } else if (line.startsWith(IF_FAILED)) {
      condition = Condition.FAILED;
      line = line.substring(IF_FAILED.length()).strip();
    }
    boolean each = line.startsWith(EACH);
    if (each) {
      line = line.substring(EACH.length()).strip();
    }
    String requires = null;
    Matcher ifValue = IF_VALUE.matcher(line);
    if (ifValue.lookingAt()) {
      requires = ifValue.group(1);
      line = line.substring(ifValue.end()).strip();
    }
    if (BAD_PLACEHOLDER.matcher(line).find()) {
      throw new IllegalStateException(name + " line " + number + ": a ${…} placeholder is malformed");
    }
    return new TemplateLine(number, condition, requires, each, spans(line));
  }

  private static List<Span> spans(String line) {
    if (line.isEmpty()) {
      return List.of();
    }
    if (line.chars().allMatch(c -> c == '*')) {
      return List.of(new Span(line, false, false));
    }
    List<Span> spans = new ArrayList<>();
    Matcher style = STYLE.matcher(line);
    int at = 0;
    while (style.find()) {
      if (style.start() > at) {
        spans.add(new Span(line.substring(at, style.start()), false, false));
      }
      boolean bold = style.group(1) != null;
      spans.add(new Span(bold ? style.group(1) : style.group(2), bold, !bold));
      at = style.end();
    }
    if (at < line.length()) {
      spans.add(new Span(line.substring(at), false, false));
    }
    return spans;
  }
}
