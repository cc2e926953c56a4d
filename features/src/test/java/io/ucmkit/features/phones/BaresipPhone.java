package io.ucmkit.features.phones;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Debian {@code baresip} process registered as one extension, driven over its ctrl_tcp
 * interface ({@link CtrlTcp}; commands {@code accept}, {@code hangup}, {@code dial},
 * {@code sndcode}; events {@code CALL_INCOMING}, {@code CALL_ESTABLISHED}, {@code CALL_CLOSED},
 * {@code REGISTER_OK}, …), the only connection for the life of the process. The phone's
 * behaviour (auto answer, reject, busy) is acted out here on {@code CALL_INCOMING}: baresip's own auto answer cannot be
 * switched per call, and its reject is always {@code 486}. Its folder (config, accounts with the
 * password, log) is private to the user and deleted on {@link #close()}; the password is never logged.
 */
final class BaresipPhone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaresipPhone.class);

    /** A call as the phone sees it, by baresip's call id. */
    record Call(String id, State state, Phones.CallerId peer) {
        enum State {
            INCOMING,
            OUTGOING,
            ESTABLISHED
        }
    }

    private final PhoneAccount account;
    private final String registrar;
    private final Path folder;
    private final Process process;
    private final CtrlTcp control;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private volatile PhoneBehaviour behaviour = PhoneBehaviour.ANSWERED_BY_HAND;
    private volatile boolean registered;
    private volatile boolean closed;

    private BaresipPhone(PhoneAccount account, String registrar, Path folder, Process process, Socket control)
            throws IOException {
        this.account = account;
        this.registrar = registrar;
        this.folder = folder;
        this.process = process;
        this.control = new CtrlTcp("phone " + account.extension(), control, this::onEvent, this::onLost);
    }

    /** Starts the process on free local ports and connects to its ctrl_tcp; registration follows (see {@link #registered()}). */
    static BaresipPhone start(PhoneAccount account, String registrar, String bindAddress) {
        try {
            Path folder = Files.createTempDirectory(
                    "ucmkit-phone-" + account.extension() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            LocalPorts ports = LocalPorts.pick(bindAddress);
            Files.writeString(folder.resolve("config"), BaresipConfig.config(bindAddress, ports));
            Files.writeString(folder.resolve("accounts"), BaresipConfig.account(account, registrar));
            Files.writeString(folder.resolve("contacts"), "");
            Process process = new ProcessBuilder("baresip", "-4", "-f", folder.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("baresip.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Socket control = connect(process, bindAddress, ports.control(), folder);
            LOG.info(
                    "phone {}: baresip pid {}, SIP {}:{}, ctrl_tcp {}",
                    account.extension(),
                    process.pid(),
                    bindAddress,
                    ports.sip(),
                    ports.control());
            BaresipPhone phone = new BaresipPhone(account, registrar, folder, process, control);
            phone.readRegistration();
            return phone;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start baresip for extension " + account.extension(), e);
        }
    }

    /** ctrl_tcp listens once baresip has loaded its modules: retried until then, as long as the process lives. */
    private static Socket connect(Process process, String host, int port, Path folder) throws IOException {
        Socket socket;
        try {
            socket = await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> process.isAlive() ? tryConnect(host, port) : null,
                            s -> s != null || !process.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IOException(
                    "baresip's ctrl_tcp on " + host + ":" + port + " did not answer; its log: " + logTail(folder), e);
        }
        if (socket == null) {
            throw new IOException("baresip exited at start; its log: " + logTail(folder));
        }
        return socket;
    }

    private static Socket tryConnect(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // not connected: nothing to release
            }
            return null;
        }
    }

    /**
     * The REGISTER may have been answered before this connection was made (its event then went
     * nowhere): reginfo tells. A registration still on its way is announced by REGISTER_OK.
     */
    private void readRegistration() {
        String info = command("reginfo", null).path("data").asText();
        if (info.contains("OK ")) {
            registered = true;
        }
    }

    /** Deletes the user agent, which un-REGISTERs (Expires: 0) at once. */
    void unregister() {
        command("uadel", "sip:" + account.extension() + "@" + registrar);
        registered = false;
    }

    String extension() {
        return account.extension();
    }

    boolean registered() {
        return registered && process.isAlive();
    }

    boolean alive() {
        return process.isAlive() && !closed;
    }

    void behave(PhoneBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    List<Call> calls() {
        return List.copyOf(calls.values());
    }

    Optional<Call> ringing() {
        return calls.values().stream()
                .filter(c -> c.state() == Call.State.INCOMING)
                .findFirst();
    }

    void accept() {
        if (ringing().isEmpty()) {
            throw new IllegalStateException("phone " + extension() + " has no ringing call to answer");
        }
        command("accept", null);
    }

    /** baresip's hangup of a ringing call answers it with {@code 486 Rejected}. */
    void reject() {
        if (ringing().isEmpty()) {
            throw new IllegalStateException("phone " + extension() + " has no ringing call to reject");
        }
        command("hangup", null);
    }

    void hangUp() {
        if (calls.isEmpty()) {
            throw new IllegalStateException("phone " + extension() + " has no call to hang up");
        }
        command("hangup", null);
    }

    /** Hangs up every call (between scenarios), until baresip has closed them all. */
    void hangUpAll() {
        await("phone " + extension() + " without calls")
                .atMost(SoftPhones.SIP_TIMEOUT)
                .until(() -> {
                    if (!calls.isEmpty()) {
                        send("hangup", null); // one call per command; the answer is not needed
                    }
                    return calls.isEmpty();
                });
    }

    void dial(String number) {
        command("dial", number);
    }

    void sendDtmf(String digits) {
        if (calls.values().stream().noneMatch(c -> c.state() == Call.State.ESTABLISHED)) {
            throw new IllegalStateException("phone " + extension() + " has no answered call to send " + digits + " on");
        }
        command("sndcode", digits);
    }

    private void onLost(Exception cause) {
        registered = false;
        LOG.warn(
                "phone {}: ctrl_tcp connection lost ({}); baresip {}",
                extension(),
                cause.toString(),
                process.isAlive() ? "still runs" : "exited: " + logTail(folder));
    }

    private JsonNode command(String name, String params) {
        return control.command(name, params);
    }

    private void send(String name, String params) {
        control.send(name, params);
    }

    private void onEvent(JsonNode event) {
        String type = event.path("type").asText();
        String id = event.path("id").asText();
        LOG.debug("phone {}: {} {}", extension(), type, id);
        switch (type) {
            case "REGISTER_OK" -> registered = true;
            case "REGISTER_FAIL", "UNREGISTERING" -> registered = false;
            case "CALL_INCOMING" -> {
                calls.put(id, new Call(id, Call.State.INCOMING, callerId(event)));
                actOnIncoming();
            }
            case "CALL_OUTGOING", "CALL_RINGING", "CALL_PROGRESS" ->
                calls.putIfAbsent(id, new Call(id, Call.State.OUTGOING, callerId(event)));
            case "CALL_ESTABLISHED" ->
                calls.compute(
                        id,
                        (k, call) ->
                                new Call(id, Call.State.ESTABLISHED, call != null ? call.peer() : callerId(event)));
            case "CALL_CLOSED" -> calls.remove(id);
            default -> {}
        }
    }

    /** The behaviour set for the phone, acted out at once (from the reader thread: the commands are not awaited here). */
    private void actOnIncoming() {
        switch (behaviour) {
            case ANSWERS_BY_ITSELF -> send("accept", null);
            case REJECTS_EVERY_CALL, BUSY -> send("hangup", null);
            default -> {}
        }
    }

    /** The display: the peer's display name (line 1) and the user part of its URI (line 2). */
    private static Phones.CallerId callerId(JsonNode event) {
        String uri = event.path("peeruri").asText();
        String user = uri.replaceFirst("^sips?:", "").replaceFirst("[@;].*$", "");
        return new Phones.CallerId(event.path("peerdisplayname").asText(), user);
    }

    @Override
    public void close() {
        closed = true;
        control.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteFolder();
    }

    private void deleteFolder() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind holds no running state
        }
    }

    /** The last lines of baresip's log, for a failure message (baresip does not print the account's password). */
    private static String logTail(Path folder) {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("baresip.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public String toString() {
        return "phone " + extension() + (registered() ? " registered" : " not registered") + " " + calls.values();
    }
}
