package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted AMI server on a loopback socket (port 0) that misbehaves on purpose: it can accept TCP and never
 * send the banner, send the banner and never answer the login, answer the login and then nothing, answer an
 * action with scripted bytes (none: no Pong), write any bytes (bad ones included) into the stream, and close in the middle of a message.
 * The behaviour is read when a connection is accepted, so a test makes the PBX behave again by setting
 * {@link #behaviour} to {@link Behaviour#NORMAL} and letting the driver reconnect.
 */
final class HostileAmiPeer implements AutoCloseable {

    enum Behaviour {
        /** Answers like a small UCM: MD5 Challenge, Login, Ping, ListCommands, the re-read lists. */
        NORMAL,
        /** Accepts the TCP connection and never writes a byte. */
        NO_BANNER,
        /** Sends the banner, then reads and answers nothing. */
        NO_LOGIN_ANSWER,
        /** Answers the Challenge and the Login, then nothing at all (not even Pong). */
        SILENT_AFTER_LOGIN
    }

    static final String USERNAME = "admin";
    static final String SECRET = "secret1";
    private static final String CHALLENGE = "840216730";

    volatile Behaviour behaviour = Behaviour.NORMAL;
    /** Scripted raw answers by action name (lower case), given the request's ActionID. */
    final Map<String, Function<String, byte[]>> replies = new ConcurrentHashMap<>();

    private final ServerSocket server;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HostileAmiPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "hostile-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far and still open. */
    int openConnections() {
        return conns.size();
    }

    /** Writes raw bytes to every logged-in connection, in one write each. */
    void sendToLoggedIn(byte[] bytes) {
        for (Conn c : conns) {
            if (c.loggedIn) {
                c.write(bytes);
            }
        }
    }

    void sendToLoggedIn(String text) {
        sendToLoggedIn(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} (the start of a message, say) to every logged-in connection, then closes it. */
    void sendAndClose(String text) {
        for (Conn c : conns) {
            if (c.loggedIn) {
                c.write(text.getBytes(StandardCharsets.UTF_8));
                c.close();
            }
        }
    }

    private final class Conn {
        final Socket socket;
        final OutputStream out;
        final Behaviour behaviour;
        volatile boolean loggedIn;

        Conn(Socket socket, Behaviour behaviour) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.behaviour = behaviour;
        }

        synchronized void write(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            conns.remove(this);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(s, behaviour);
                conns.add(c);
                Thread t = new Thread(() -> serve(c), "hostile-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Conn c) {
        if (c.behaviour != Behaviour.NO_BANNER) {
            c.write("Asterisk Call Manager/9.0.0\r\n");
        }
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(c.socket.getInputStream(), StandardCharsets.UTF_8))) {
            AmiMessage.Builder b = AmiMessage.builder();
            for (String line; (line = in.readLine()) != null; ) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    b.add(line.substring(0, colon), line.substring(colon + 1).stripLeading());
                } else if (line.isEmpty() && b.size() > 0) {
                    answer(c, b.build());
                    b = AmiMessage.builder();
                }
            }
        } catch (IOException ignored) {
            // connection closed
        } finally {
            c.close();
        }
    }

    private static String response(String status, String actionId, String... headers) {
        StringBuilder sb = new StringBuilder("Response: ")
                .append(status)
                .append("\r\nActionID: ")
                .append(actionId)
                .append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static String emptyList(String id, String complete) {
        return response("Success", id, "EventList", "start", "Message", "will follow") + "Event: " + complete
                + "\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n";
    }

    private void answer(Conn c, AmiMessage m) {
        String id = m.get("ActionID", "");
        String action = m.action() == null ? "" : m.action().toLowerCase();
        Behaviour how = c.behaviour;
        if (how == Behaviour.NO_BANNER
                || how == Behaviour.NO_LOGIN_ANSWER
                || how == Behaviour.SILENT_AFTER_LOGIN && c.loggedIn) {
            return;
        }
        Function<String, byte[]> scripted = replies.get(action);
        if (scripted != null) {
            c.write(scripted.apply(id));
            return;
        }
        switch (action) {
            case "challenge" -> c.write(response("Success", id, "Challenge", CHALLENGE));
            case "login" -> {
                if (USERNAME.equals(m.get("Username"))
                        && LoginHandshake.md5Hex(CHALLENGE + SECRET).equals(m.get("Key"))) {
                    c.loggedIn = true;
                    c.write(response("Success", id, "Message", "Authentication accepted"));
                } else {
                    c.write(response("Error", id, "Message", "Authentication failed"));
                    c.close();
                }
            }
            case "ping" -> c.write(response("Success", id, "Ping", "Pong", "Timestamp", "1714557600.123456"));
            case "listcommands" ->
                c.write(response(
                        "Success",
                        id,
                        "Originate",
                        "Originate a call.  (Priv: originate,all)",
                        "Redirect",
                        "Redirect (transfer) a call.  (Priv: call,all)"));
            case "extensionstatelist" -> c.write(emptyList(id, "ExtensionStateListComplete"));
            case "presencestatelist" -> c.write(emptyList(id, "PresenceStateListComplete"));
            case "coreshowchannels" -> c.write(emptyList(id, "CoreShowChannelsComplete"));
            case "logoff" -> {
                c.write(response("Goodbye", id, "Message", "Thanks for all the fish."));
                c.close();
            }
            default ->
                c.write(response(
                        "Error",
                        id,
                        "Message",
                        "Invalid/unknown command: " + m.action()
                                + ". Use Action: ListCommands to show available commands."));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Conn c : conns) {
            c.close();
        }
    }
}
