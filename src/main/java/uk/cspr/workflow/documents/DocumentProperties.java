package uk.cspr.workflow.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code cspr.documents.*} (issue 18.2).
 *
 * @param maxSize the largest document a case takes (default 10 MB); Spring's multipart limit
 *     ({@code spring.servlet.multipart.*}) is set above it, so a larger file gets this refusal
 * @param retentionCron when documents of cases whose history is gone are removed (after the
 *     engine's history cleanup window)
 */
@ConfigurationProperties("cspr.documents")
record DocumentProperties(DataSize maxSize, String retentionCron) {

  DocumentProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
  }
}
