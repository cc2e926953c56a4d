package io.ucmkit.driver.service;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender that keeps the last records and streams new ones to the debug tools. Every line passes
 * {@link #mask(String)} first: the driver never logs secrets (AmiMessage masks Secret/Key), and this is the
 * second line of defence for anything else that looks like one.
 */
final class LogHub extends AppenderBase<ILoggingEvent> {

    record Line(long id, String json) {}

    private static final Pattern SECRET =
            Pattern.compile("(?i)\\b(secret|key|password|passwd)(\\s*[:=]\\s*)(\"[^\"]*\"|[^\\s,;\\]}]+)");

    private final int capacity;
    private final Deque<Line> lines = new ArrayDeque<>();
    private final List<Consumer<Line>> listeners = new ArrayList<>();
    private long nextId = 1;

    LogHub(int capacity) {
        this.capacity = capacity;
    }

    /** Attaches to the root logger of the running Logback context. */
    static LogHub install(int capacity) {
        LogHub hub = new LogHub(capacity);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            hub.setContext(ctx);
            hub.setName("ucmkit-debug");
            hub.start();
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(hub);
        }
        return hub;
    }

    /** Detaches from the root logger (a stopped service leaves no appender behind). */
    void uninstall() {
        if (getContext() instanceof LoggerContext ctx) {
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }
        stop();
    }

    static String mask(String text) {
        return SECRET.matcher(text).replaceAll("$1$2********");
    }

    @Override
    protected void append(ILoggingEvent e) {
        String message = e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            message = message + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
        }
        var node = Json.MAPPER
                .createObjectNode()
                .put("time", Instant.ofEpochMilli(e.getTimeStamp()).toString())
                .put("level", e.getLevel().toString())
                .put("logger", e.getLoggerName())
                .put("thread", e.getThreadName())
                .put("message", mask(message));
        List<Consumer<Line>> targets;
        Line line;
        synchronized (this) {
            line = new Line(nextId++, Json.write(node));
            lines.addLast(line);
            if (lines.size() > capacity) {
                lines.removeFirst();
            }
            targets = List.copyOf(listeners);
        }
        for (Consumer<Line> l : targets) {
            l.accept(line);
        }
    }

    synchronized List<Line> subscribe(Consumer<Line> listener) {
        listeners.add(listener);
        return List.copyOf(lines);
    }

    synchronized void unsubscribe(Consumer<Line> listener) {
        listeners.remove(listener);
    }
}
