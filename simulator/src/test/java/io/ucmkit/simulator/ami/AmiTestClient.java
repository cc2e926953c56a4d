package io.ucmkit.simulator.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw blocking AMI client for tests: writes bytes, reads CRLF-framed text (reads time out, no sleeps). */
final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    AmiTestClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AmiTestClient send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the banner line. */
    String banner() {
        return readUntil("\r\n");
    }

    /** Reads one message including its blank line. */
    String message() {
        return readUntil("\r\n\r\n");
    }

    /** Logs in as amiadmin with events off. */
    AmiTestClient login(String user, String secret, String events) {
        banner();
        send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n"
                + (events == null ? "" : "Events: " + events + "\r\n") + "\r\n");
        String r = message();
        if (!r.contains("Authentication accepted")) {
            throw new AssertionError("login failed: " + r);
        }
        return this;
    }

    /** Reads until the server closes, returning everything received since the last read. */
    String untilClosed() {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                received.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close; got: " + received.toString(StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            // reset by peer counts as closed
        }
        String all = received.toString(StandardCharsets.UTF_8);
        received.reset();
        return all;
    }

    /** True when the server closed the connection (read returns -1 before the timeout). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private String readUntil(String end) {
        try {
            while (true) {
                String s = received.toString(StandardCharsets.UTF_8);
                int i = s.indexOf(end);
                if (i >= 0) {
                    String head = s.substring(0, i + end.length());
                    byte[] rest = s.substring(i + end.length()).getBytes(StandardCharsets.UTF_8);
                    received.reset();
                    received.write(rest);
                    return head;
                }
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("connection closed; got: " + s);
                }
                received.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
