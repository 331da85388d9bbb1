package vn.doanthanhnien.admission.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** The document templates at {@code admission.documents.templates}, {@code <fileCode>.txt}. */
@Component
class DocumentTemplates {

  private final ResourceLoader resources;
  private final String templates;

  DocumentTemplates(ResourceLoader resources, @Value("${admission.documents.templates}") String templates) {
    this.resources = resources;
    this.templates = templates.endsWith("/") ? templates : templates + "/";
  }

  /** Read on every request, so that a template edited under a {@code file:} location applies at once. */
  DocumentTemplate read(String fileCode) {
    String name = fileCode + ".txt";
    Resource resource = resources.getResource(templates + name);
    try (InputStream in = resource.getInputStream()) {
      return DocumentTemplate.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Document template " + templates + name + " cannot be read", e);
    }
  }
}
