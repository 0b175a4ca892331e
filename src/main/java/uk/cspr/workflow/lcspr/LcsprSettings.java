package uk.cspr.workflow.lcspr;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local settings of the LCSPR flow ({@code cspr.lcspr.*}). Intervals are ISO 8601 durations as
 * Camunda timers read them; a case may carry its own {@code progressRequestInterval}.
 *
 * @param progressRequestInterval how often the reviewer is asked for a written progress report (WT para 35)
 * @param publicationWarningBefore how long before the six-month publication date the business unit
 *     and managers are warned
 * @param actionPlanReviewInterval how often the CSPR group monitors the action plan (WT para 43)
 */
@ConfigurationProperties("cspr.lcspr")
public record LcsprSettings(
    @DefaultValue("P1M") String progressRequestInterval,
    @DefaultValue("P4W") Period publicationWarningBefore,
    @DefaultValue("P3M") String actionPlanReviewInterval) {}
