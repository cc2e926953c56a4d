package org.asteriskjava.manager.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.SocketConnectionFacadeImpl;
import org.asteriskjava.util.internal.streamreader.FastScanner;
import org.asteriskjava.util.internal.streamreader.FastScannerFactory;

/**
 * asterisk-java's reading path, fed from a byte array instead of a socket (ucmkit benchmarks).
 *
 * <p>It lives in asterisk-java's package because {@link Dispatcher}, the callback its
 * {@link ManagerReaderImpl} delivers to, is package-private. Everything that parses is
 * asterisk-java's own: {@code ManagerReaderImpl.run()} (line loop, header map, event and response
 * builders) reading lines from the {@link FastScanner} that {@link SocketConnectionFacadeImpl}
 * builds over {@code new InputStreamReader(socket.getInputStream(), UTF_8)} with its CRLF
 * pattern. Only the socket is replaced, by a {@link ByteArrayInputStream}; the reader's thread,
 * and the {@code ManagerConnectionImpl} dispatch to listeners, are left out, as the Netty pipeline
 * and event loop are left out of our decoder's benchmark.
 */
public final class AsteriskJavaReader {

    private final CountingDispatcher dispatcher = new CountingDispatcher();
    private final ManagerReaderImpl reader = new ManagerReaderImpl(dispatcher, this);

    /** Reads every message in {@code bytes}; returns how many events and responses it delivered. */
    public int readAll(byte[] bytes, Consumer<Object> sink) {
        dispatcher.sink = sink;
        dispatcher.delivered = 0;
        reader.setSocket(new ByteArrayFacade(bytes));
        reader.run();
        return dispatcher.delivered;
    }

    private static final class CountingDispatcher implements Dispatcher {
        Consumer<Object> sink;
        int delivered;

        @Override
        public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
            delivered++;
            sink.accept(response);
        }

        @Override
        public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
            if (!(event instanceof DisconnectEvent)) {
                delivered++;
            }
            sink.accept(event);
        }

        @Override
        public void stop() {}
    }

    /** {@link SocketConnectionFacadeImpl}'s reading half, over a byte array. */
    private static final class ByteArrayFacade implements SocketConnectionFacade {
        private final FastScanner scanner;

        ByteArrayFacade(byte[] bytes) {
            scanner = FastScannerFactory.getReader(
                    new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                    SocketConnectionFacadeImpl.CRNL_PATTERN);
        }

        @Override
        public String readLine() throws IOException {
            try {
                return scanner.next();
            } catch (NoSuchElementException | IllegalStateException endOfStream) {
                return null;
            }
        }

        @Override
        public void write(String s) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InetAddress getLocalAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public InetAddress getRemoteAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getRemotePort() {
            return 0;
        }
    }
}
