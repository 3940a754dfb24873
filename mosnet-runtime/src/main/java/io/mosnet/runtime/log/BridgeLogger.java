package io.mosnet.runtime.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger: formats SLF4J's {@code {}} placeholders and hands the line to the {@link TinylogBackend}. */
final class BridgeLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient TinylogBackend backend;

    BridgeLogger(String name, TinylogBackend backend) {
        this.name = name;
        this.backend = backend;
    }

    @Override
    public boolean isTraceEnabled() {
        return backend.enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return backend.enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return backend.enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return backend.enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return backend.enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String message = arguments == null || arguments.length == 0 ? pattern
                : MessageFormatter.basicArrayFormat(pattern, arguments);
        backend.log(level, message, throwable);
    }
}
