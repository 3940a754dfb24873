package io.mosnet.runtime.log;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's own logging ({@link System.Logger}: the platform's classes, and libraries that use it) into mosnet's log,
 * as slf4j-jdk-platform-logging does, once the process logs at all; before that (and in a CLI run that never logs) it
 * prints INFO and above to standard error as the JDK's default would, without setting logging up: every
 * {@code System.exit} asks whether to log the exit at DEBUG.
 *
 * <p>Provided by the runtime module, this is also what spares the JDK a search of every jar of the module path for a
 * logger finder (their META-INF/services, interpreted zip code): the first {@link java.util.logging.Logger} (JNA's
 * classes hold some) did that on the way to the first netlink socket, and every {@code System.exit} of the CLI.
 * java.util.logging itself is left as it is.
 */
public final class SystemLoggerFinder extends System.LoggerFinder {

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Slf4jSystemLogger(name, System.err, TinylogBackend::sharedInUse, LoggerFactory::getLogger);
    }

    /** One System.Logger; it looks for its SLF4J logger on each use, so it never sets logging up itself. */
    static final class Slf4jSystemLogger implements System.Logger {

        private final String name;
        private final PrintStream fallback;
        private final BooleanSupplier loggingInUse;
        private final Function<String, Logger> loggers;

        /**
         * @param fallback     where lines go while the process does not log (standard error)
         * @param loggingInUse whether the process logs, so that SLF4J may be asked without setting it up
         * @param loggers      SLF4J's loggers by name
         */
        Slf4jSystemLogger(String name, PrintStream fallback, BooleanSupplier loggingInUse,
                          Function<String, Logger> loggers) {
            this.name = name;
            this.fallback = fallback;
            this.loggingInUse = loggingInUse;
            this.loggers = loggers;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            if (level == Level.OFF) {
                return false;
            }
            if (!loggingInUse.getAsBoolean()) {
                return level.getSeverity() >= Level.INFO.getSeverity();
            }
            Logger l = loggers.apply(name);
            return switch (level) {
                case ALL, TRACE -> l.isTraceEnabled();
                case DEBUG -> l.isDebugEnabled();
                case INFO -> l.isInfoEnabled();
                case WARNING -> l.isWarnEnabled();
                default -> l.isErrorEnabled();
            };
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                emit(level, localized(bundle, msg), thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String pattern = localized(bundle, format);
                emit(level, params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params),
                        null);
            }
        }

        private void emit(Level level, String message, Throwable thrown) {
            if (!loggingInUse.getAsBoolean()) {
                fallback.println(level.getName() + ": " + name + ": " + message);
                if (thrown != null) {
                    thrown.printStackTrace(fallback);
                }
                return;
            }
            Logger l = loggers.apply(name);
            switch (level) {
                case ALL, TRACE -> l.trace(message, thrown);
                case DEBUG -> l.debug(message, thrown);
                case INFO -> l.info(message, thrown);
                case WARNING -> l.warn(message, thrown);
                default -> l.error(message, thrown);
            }
        }

        private static String localized(ResourceBundle bundle, String key) {
            if (bundle == null || key == null) {
                return key;
            }
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
        }
    }
}
