package uk.cspr.workflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** First administrator, from CSPR_ADMIN_USER and CSPR_ADMIN_PASSWORD only. */
@ConfigurationProperties("cspr.security")
record SecurityProperties(String adminUser, String adminPassword) {}
