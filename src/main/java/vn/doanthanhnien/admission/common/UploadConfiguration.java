package vn.doanthanhnien.admission.common;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is answered with a message (400), not a dropped
 * connection: Tomcat reads the rest of the refused upload (up to {@code server.tomcat.max-swallow-size}, 2 MB) before
 * answering instead of closing the connection under the client, which would lose the answer.
 */
@Configuration
public class UploadConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowAbortedUploads() {
    return factory -> factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
  }
}
