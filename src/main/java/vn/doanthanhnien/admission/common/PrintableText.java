package vn.doanthanhnien.admission.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The one rule for the text the application accepts: every character must print in the documents, whose PDF is drawn
 * in the fonts below (Liberation Serif: Latin scripts with every Vietnamese letter, Greek, Cyrillic, common
 * punctuation), in each of their styles and in capitals ({@code ${…|upper}}). A font drawing emoji, Arabic and CJK as
 * well is tens of megabytes; such characters are refused where they are typed instead of failing a download later.
 * The check asks the fonts' own character maps, the lookup PDFBox makes when it draws the text.
 */
public final class PrintableText {

  /** The fonts of the PDF documents, from com.github.librepdf:openpdf-fonts-extra. */
  public static final List<String> FONT_FILES = List.of("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
      "LiberationSerif-Italic.ttf");
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  /** Shown at most, so that a pasted paragraph of another script gives a readable message. */
  private static final int LISTED = 5;

  private PrintableText() {
  }

  /** The bytes of one of {@link #FONT_FILES}; a missing font stops the application at start-up. */
  public static byte[] font(String file) {
    try (InputStream in = PrintableText.class.getResourceAsStream("/liberation/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Font /liberation/" + file + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The characters of {@code text} that would not print, each once, as "😀 (U+1F600)"; empty when all print. Text is
   * taken in composed form (NFC), as the documents print it; control characters print as spaces.
   */
  public static List<String> unprintable(String text) {
    Set<Integer> missing = new LinkedHashSet<>();
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints()
        .filter(c -> !Character.isISOControl(c) && !prints(c)).forEach(missing::add);
    List<String> described = new ArrayList<>();
    for (int c : missing) {
      if (described.size() == LISTED) {
        described.add("…");
        break;
      }
      described.add(new String(Character.toChars(c)) + " (U+" + String.format("%04X", c) + ")");
    }
    return described;
  }

  private static boolean prints(int codePoint) {
    String upper = new String(Character.toChars(codePoint)).toUpperCase(VIETNAMESE);
    return Fonts.drawEach(codePoint) && upper.codePoints().allMatch(Fonts::drawEach);
  }

  /** Read once, on first use. */
  private static final class Fonts {

    private static final List<CmapLookup> MAPS = FONT_FILES.stream().map(Fonts::characterMap).toList();

    static boolean drawEach(int codePoint) {
      return MAPS.stream().allMatch(map -> map.getGlyphId(codePoint) > 0);
    }

    private static CmapLookup characterMap(String file) {
      try {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(font(file)));
        // The map PDFBox's PDCIDFontType2.encode looks characters up in; font stays open with the map.
        return font.getUnicodeCmapLookup(false);
      } catch (IOException e) {
        throw new UncheckedIOException("Font " + file + " cannot be read", e);
      }
    }
  }
}
