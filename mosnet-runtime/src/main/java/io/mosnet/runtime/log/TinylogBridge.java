package io.mosnet.runtime.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding to tinylog, in place of slf4j-tinylog's: the same writers and formats (tinylog does all the
 * writing), but tinylog's set-up (its service lookups open every jar of the module path: tens of milliseconds) can
 * run on a thread of its own while the daemon goes on; see {@link TinylogBackend}. mosnet uses no MDC.
 */
public final class TinylogBridge implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = name -> new BridgeLogger(name, TinylogBackend.shared());
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing: tinylog is set up by Logging.configure, or on first use.
    }
}
