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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny scripted AMI server on a real loopback socket (port 0) for connection-level tests: banner, Challenge/
 * Login (MD5 and plain), Ping, the lists the driver re-reads, Originate; knobs to go silent, refuse, or drop.
 * Answers use the header order of the transcripts (ActionID second, docs/ami.md §1.3).
 */
public final class ScriptedAmiPeer implements AutoCloseable {

    public final String username = "admin";
    public volatile String secret = "secret1";
    public volatile boolean answerPing = true;
    public volatile boolean answerOriginate = true;
    public volatile boolean challengeSupported = true;
    /** When set, the raw answer to Originate; {@code %s} is replaced by the ActionID. */
    public volatile String originateReply;

    public volatile List<String> commands = List.of("Originate", "Redirect", "Ping", "Login");
    public volatile List<String> channelsUp = List.of();

    private final ServerSocket server;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final List<AmiMessage> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private final class Conn {
        final Socket socket;
        final OutputStream out;
        String challenge;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
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

    public ScriptedAmiPeer() throws IOException {
        this(0);
    }

    public ScriptedAmiPeer(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return conns.size();
    }

    public List<AmiMessage> received(String action) {
        return received.stream()
                .filter(m -> action.equalsIgnoreCase(m.action()))
                .toList();
    }

    /** Writes raw AMI text (messages ending in a blank line) to every logged-in connection. */
    public void sendToAll(String text) {
        for (Conn c : conns) {
            c.write(text);
        }
    }

    public void dropConnections() {
        for (Conn c : conns) {
            c.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(s);
                conns.add(c);
                Thread t = new Thread(() -> serve(c), "scripted-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Conn c) {
        c.write("Asterisk Call Manager/9.0.0\r\n");
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(c.socket.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.add(line);
                    continue;
                }
                AmiMessage.Builder b = AmiMessage.builder();
                for (String l : lines) {
                    int colon = l.indexOf(':');
                    if (colon > 0) {
                        b.add(l.substring(0, colon), l.substring(colon + 1).stripLeading());
                    }
                }
                lines.clear();
                AmiMessage m = b.build();
                received.add(m);
                answer(c, m);
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

    private void answer(Conn c, AmiMessage m) {
        String id = m.get("ActionID", "");
        String action = m.action() == null ? "" : m.action();
        switch (action.toLowerCase()) {
            case "challenge" -> {
                if (!challengeSupported) {
                    c.write(
                            response(
                                    "Error",
                                    id,
                                    "Message",
                                    "Invalid/unknown command: Challenge. Use Action: ListCommands to show available commands."));
                } else {
                    c.challenge = "840216730";
                    c.write(response("Success", id, "Challenge", c.challenge));
                }
            }
            case "login" -> {
                boolean ok = username.equals(m.get("Username"))
                        && (m.has("Key")
                                ? c.challenge != null
                                        && LoginHandshake.md5Hex(c.challenge + secret)
                                                .equals(m.get("Key"))
                                : secret.equals(m.get("Secret")));
                if (ok) {
                    c.write(response("Success", id, "Message", "Authentication accepted"));
                } else {
                    c.write(response("Error", id, "Message", "Authentication failed"));
                    c.close();
                }
            }
            case "ping" -> {
                if (answerPing) {
                    c.write(response("Success", id, "Ping", "Pong", "Timestamp", "1714557600.123456"));
                }
            }
            case "listcommands" -> {
                List<String> h = new ArrayList<>();
                for (String cmd : commands) {
                    h.add(cmd);
                    h.add(cmd + " something.  (Priv: all)");
                }
                c.write(response("Success", id, h.toArray(String[]::new)));
            }
            case "extensionstatelist" -> {
                StringBuilder sb = new StringBuilder(
                        response("Success", id, "EventList", "start", "Message", "Extension Statuses will follow"));
                for (String ext : List.of("1000", "1001", "1002")) {
                    sb.append("Event: ExtensionStatus\r\nActionID: ")
                            .append(id)
                            .append("\r\nExten: ")
                            .append(ext)
                            .append("\r\nContext: from-internal\r\nHint: PJSIP/")
                            .append(ext)
                            .append("\r\nStatus: 0\r\nStatusText: Idle\r\n\r\n");
                }
                sb.append("Event: ExtensionStateListComplete\r\nActionID: ")
                        .append(id)
                        .append("\r\nEventList: Complete\r\nListItems: 3\r\n\r\n");
                c.write(sb.toString());
            }
            case "presencestatelist" ->
                c.write(response("Success", id, "EventList", "start", "Message", "Presence State Changes will follow")
                        + "Event: PresenceStateListComplete\r\nActionID: " + id
                        + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
            case "coreshowchannels" -> {
                StringBuilder sb = new StringBuilder(
                        response("Success", id, "EventList", "start", "Message", "Channels will follow"));
                int n = 0;
                for (String ch : channelsUp) {
                    n++;
                    sb.append("Event: CoreShowChannel\r\nActionID: ")
                            .append(id)
                            .append("\r\nChannel: ")
                            .append(ch)
                            .append("\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nUniqueid: 1.")
                            .append(n)
                            .append("\r\nLinkedid: 1.")
                            .append(n)
                            .append("\r\n\r\n");
                }
                sb.append("Event: CoreShowChannelsComplete\r\nActionID: ")
                        .append(id)
                        .append("\r\nEventList: Complete\r\nListItems: ")
                        .append(n)
                        .append("\r\n\r\n");
                c.write(sb.toString());
            }
            case "originate" -> {
                if (originateReply != null) {
                    c.write(originateReply.replace("%s", id));
                } else if (answerOriginate) {
                    c.write(response("Success", id, "Message", "Originate successfully queued"));
                }
            }
            case "logoff" -> {
                c.write(response("Goodbye", id, "Message", "Thanks for all the fish."));
                c.close();
            }
            default ->
                c.write(response(
                        "Error",
                        id,
                        "Message",
                        "Invalid/unknown command: " + action
                                + ". Use Action: ListCommands to show available commands."));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
