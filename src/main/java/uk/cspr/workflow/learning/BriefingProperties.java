package uk.cspr.workflow.learning;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cspr.learning.briefing-*} (issue 19.3).
 *
 * @param briefingTemplate optional file (Thymeleaf XHTML) that replaces the built-in
 *     {@code templates/briefing/seven-minute-briefing.html}, so a partnership edits the briefing's
 *     layout and wording without a release
 */
@ConfigurationProperties("cspr.learning")
record BriefingProperties(Path briefingTemplate) {}
