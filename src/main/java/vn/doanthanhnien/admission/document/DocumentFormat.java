package vn.doanthanhnien.admission.document;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

public enum DocumentFormat {
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  PDF("pdf", "application/pdf");

  private final String extension;
  private final MediaType mediaType;

  DocumentFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = MediaType.parseMediaType(mediaType);
  }

  public String extension() {
    return extension;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public static Optional<DocumentFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }
}
