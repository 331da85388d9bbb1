package vn.doanthanhnien.admission.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The text of a document the application hands out, its white space folded to single spaces. */
public final class DocumentText {

  private DocumentText() {
  }

  public static String docx(byte[] content) {
    try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(content)))) {
      return text.getText().replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String pdf(byte[] content) {
    try (PDDocument pdf = Loader.loadPDF(content)) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
