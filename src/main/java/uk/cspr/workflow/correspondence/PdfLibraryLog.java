package uk.cspr.workflow.correspondence;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF library (openhtmltopdf) logs to the console on its own, three INFO lines per letter;
 * this sends its messages to the application's log under their own names ({@code com.openhtmltopdf.*}),
 * where {@code logging.level} applies.
 */
final class PdfLibraryLog implements XRLogger {

  private PdfLibraryLog() {}

  /** Idempotent: the library keeps one logger for the JVM. */
  static void install() {
    if (!(XRLog.getLoggerImpl() instanceof PdfLibraryLog)) {
      XRLog.setLoggerImpl(new PdfLibraryLog());
    }
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else if (value >= Level.INFO.intValue()) {
      logger.info(message, error);
    } else {
      logger.debug(message, error);
    }
  }

  /** Levels come from the application's logging configuration, not from the library. */
  @Override
  public void setLevel(String where, Level level) {}

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int value = diagnostic.getLevel().intValue();
    return value >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
        : value >= Level.WARNING.intValue() ? logger.isWarnEnabled()
        : value >= Level.INFO.intValue() ? logger.isInfoEnabled()
        : logger.isDebugEnabled();
  }
}
