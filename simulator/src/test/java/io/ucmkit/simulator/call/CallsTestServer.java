package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small AMI transport around {@link Calls} for the socket scenarios, until the simulator's own
 * AMI server (issue 3) is wired to the call engine: banner, plain and MD5 login, Ping, Logoff,
 * CoreSettings, Command, the call actions, and every event to every logged-in session — held
 * back while that session's action runs and written after its response (AMI.md §8). The device
 * state and presence events come from this harness's PBX stand-in, in the formats of transcripts
 * 13 and 16.
 */
final class CallsTestServer implements AutoCloseable {

    static final String USER = "amiadmin";
    static final String SECRET = "amiadmin1";

    final FakePbx pbx = new HarnessPbx();
    final ManualClock clock = new ManualClock();
    final Calls calls = Calls.create(pbx, clock, this::broadcast, false);
    private final ServerSocket server;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    CallsTestServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "calls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Session session = new Session(s);
                sessions.add(session);
                Thread t = new Thread(session::run, "calls-test-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void broadcast(AmiMessage event) {
        for (Session s : sessions) {
            s.event(event);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Session s : sessions) {
            s.close();
        }
    }

    /** Emits DeviceStateChange + ExtensionStatus and PresenceStateChange + PresenceStatus as the PBX model would. */
    private final class HarnessPbx extends FakePbx {
        @Override
        public void deviceStateChanged(String ext, DeviceState state) {
            super.deviceStateChanged(ext, state);
            broadcast(CallEvents.event("DeviceStateChange", CallEvents.CALL).add("Device", "PJSIP/" + ext)
                    .add("State", state.name()).build());
            String[] status = switch (state) {
                case NOT_INUSE -> new String[] {"0", "Idle"};
                case INUSE -> new String[] {"1", "InUse"};
                case RINGING -> new String[] {"8", "Ringing"};
                case RINGINUSE -> new String[] {"9", "InUse&Ringing"};
            };
            broadcast(CallEvents.event("ExtensionStatus", CallEvents.CALL).add("Exten", ext)
                    .add("Context", CallEngine.CONTEXT).add("Hint", "PJSIP/" + ext + ",CustomPresence:" + ext)
                    .add("Status", status[0]).add("StatusText", status[1]).build());
        }

        @Override
        public void presenceByFeatureCode(String ext, int option) {
            super.presenceByFeatureCode(ext, option);
            String status = List.of("unavailable", "available", "away", "chat", "dnd", "available").get(option - 1);
            String subtype = option == 6 ? "custom" : "";
            broadcast(CallEvents.event("PresenceStateChange", CallEvents.CALL).add("Presentity", "CustomPresence:" + ext)
                    .add("Status", status).add("Subtype", subtype).add("Message", "").build());
            broadcast(CallEvents.event("PresenceStatus", CallEvents.CALL).add("Exten", ext)
                    .add("Context", CallEngine.CONTEXT).add("Hint", "PJSIP/" + ext + ",CustomPresence:" + ext)
                    .add("Status", status).add("Subtype", subtype).add("Message", "").build());
        }
    }

    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private final List<AmiMessage> held = new ArrayList<>();
        private boolean loggedIn;
        private boolean inAction;
        private String challenge;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void event(AmiMessage e) {
            if (!loggedIn) {
                return;
            }
            if (inAction) {
                held.add(e);
            } else {
                write(List.of(e));
            }
        }

        void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8))) {
                write(null);
                AmiMessage.Builder b = AmiMessage.builder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            b.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                        }
                        continue;
                    }
                    if (b.size() == 0) {
                        continue;
                    }
                    AmiMessage action = b.build();
                    b = AmiMessage.builder();
                    synchronized (this) {
                        inAction = true;
                    }
                    List<AmiMessage> reply = handle(action);
                    synchronized (this) {
                        List<AmiMessage> all = new ArrayList<>(reply);
                        all.addAll(held);
                        held.clear();
                        inAction = false;
                        write(all);
                    }
                    if ("logoff".equalsIgnoreCase(action.action())) {
                        close();
                        return;
                    }
                }
            } catch (IOException e) {
                close();
            } finally {
                sessions.remove(this);
            }
        }

        private List<AmiMessage> handle(AmiMessage a) {
            String name = a.action() == null ? "" : a.action().toLowerCase(java.util.Locale.ROOT);
            if (!loggedIn && !List.of("login", "challenge", "logoff").contains(name)) {
                return List.of(ChannelActions.error(a, "Permission denied"));
            }
            return switch (name) {
                case "challenge" -> {
                    challenge = Long.toString(System.nanoTime() % 1_000_000_000L);
                    yield List.of(AmiMessage.builder().add("Response", "Success").addIfPresent("ActionID", a.actionId())
                            .add("Challenge", challenge).build());
                }
                case "login" -> login(a);
                case "logoff" -> List.of(AmiMessage.builder().add("Response", "Goodbye")
                        .addIfPresent("ActionID", a.actionId()).add("Message", "Thanks for all the fish.").build());
                case "ping" -> List.of(AmiMessage.builder().add("Response", "Success").addIfPresent("ActionID", a.actionId())
                        .add("Ping", "Pong").add("Timestamp", clock.currentTimeMillis() / 1000 + ".000000").build());
                case "coresettings" -> List.of(AmiMessage.builder().add("Response", "Success")
                        .addIfPresent("ActionID", a.actionId()).add("AMIversion", "9.0.0")
                        .add("AsteriskVersion", "20.20.1").add("SystemName", "").add("CoreMaxCalls", "0")
                        .add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "").add("CoreRunGroup", "")
                        .add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No")
                        .add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No").build());
                case "command" -> command(a);
                case "originate" -> calls.originate(a, true).join();
                case "hangup" -> calls.hangup(a);
                case "redirect" -> calls.redirect(a);
                case "status" -> calls.status(a);
                case "coreshowchannels" -> calls.coreShowChannels(a);
                case "playdtmf" -> calls.playDtmf(a);
                case "getvar" -> calls.getvar(a);
                case "setvar" -> calls.setvar(a);
                default -> List.of(ChannelActions.error(a, "Invalid/unknown command: " + a.action()
                        + ". Use Action: ListCommands to show available commands."));
            };
        }

        private List<AmiMessage> login(AmiMessage a) {
            boolean ok = USER.equals(a.get("Username"));
            String key = a.get("Key");
            if (key != null) {
                ok &= challenge != null && md5(challenge + SECRET).equalsIgnoreCase(key);
            } else {
                ok &= SECRET.equals(a.get("Secret"));
            }
            if (!ok) {
                return List.of(ChannelActions.error(a, "Authentication failed"));
            }
            loggedIn = true;
            return List.of(ChannelActions.success(a, "Authentication accepted"));
        }

        private List<AmiMessage> command(AmiMessage a) {
            String cmd = a.get("Command", "").trim();
            List<String> output = cmd.equals("core show channels") ? calls.coreShowChannelsCli()
                    : cmd.equals("core show version") ? List.of("Asterisk 20.20.1 built by ucmkit") : null;
            if (output == null) {
                return List.of(AmiMessage.builder().add("Response", "Error").addIfPresent("ActionID", a.actionId())
                        .add("Message", "Command output follows").add("Output", "No such command '" + cmd + "'").build());
            }
            AmiMessage.Builder b = AmiMessage.builder().add("Response", "Success").addIfPresent("ActionID", a.actionId())
                    .add("Message", "Command output follows");
            output.forEach(l -> b.add("Output", l));
            return List.of(b.build());
        }

        /** Writes messages (or the banner when null) in one go, CRLF framed. */
        private synchronized void write(List<AmiMessage> messages) {
            StringBuilder s = new StringBuilder();
            if (messages == null) {
                s.append("Asterisk Call Manager/9.0.0\r\n");
            } else {
                for (AmiMessage m : messages) {
                    for (int i = 0; i < m.size(); i++) {
                        s.append(m.name(i)).append(": ").append(m.value(i)).append("\r\n");
                    }
                    s.append("\r\n");
                }
            }
            try {
                out.write(s.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
