package io.ucmkit.features.phones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which soft phones to register, and where: {@code ucmkit.phones} (or {@code UCMKIT_PHONES}) is
 * either {@code 1000:secret,1001:secret} or the path of a YAML file
 * <pre>
 * registrar: 192.168.1.10:5060      # optional: the target's host, port 5060
 * bind: 192.168.1.50                # optional: the local address that routes to the registrar
 * phones:
 *   1000: secret                    # extension: SIP password (auth user = the extension)
 *   1001: {password: secret, authUser: "1001"}
 * </pre>
 * The registrar defaults to the AMI target's host on port 5060 ({@code ucmkit.sip} overrides it).
 */
public record PhoneSettings(Map<String, PhoneAccount> accounts, String registrar, String bindAddress) {

    public static final String PROPERTY = "ucmkit.phones";
    public static final String ENVIRONMENT = "UCMKIT_PHONES";
    public static final String REGISTRAR_PROPERTY = "ucmkit.sip";

    /** The phones named by the system property or the environment; null when neither names any. */
    public static PhoneSettings fromSystemProperty(String targetHost) {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            value = System.getenv().getOrDefault(ENVIRONMENT, "").trim();
        }
        if (value.isEmpty() || value.startsWith("${env.")) {
            return null;
        }
        String registrar = System.getProperty(REGISTRAR_PROPERTY, "").trim();
        return parse(value, registrar.isEmpty() ? targetHost + ":5060" : registrar);
    }

    static PhoneSettings parse(String value, String defaultRegistrar) {
        Path file = Path.of(value);
        if (value.matches("[^,:]+\\.ya?ml") || Files.isRegularFile(file)) {
            return fromYaml(file, defaultRegistrar);
        }
        Map<String, PhoneAccount> accounts = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        PROPERTY + " must be EXT:PASSWORD[,EXT:PASSWORD…] or a YAML file; entry "
                                + (accounts.size() + 1) + " has no ':'");
            }
            accounts.put(parts[0], new PhoneAccount(parts[0], parts[0], parts[1]));
        }
        return of(accounts, defaultRegistrar, null);
    }

    private static PhoneSettings fromYaml(Path file, String defaultRegistrar) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            Map<String, PhoneAccount> accounts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("phones").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> phone = it.next();
                JsonNode node = phone.getValue();
                String password = node.isObject() ? node.path("password").asText() : node.asText();
                String authUser = node.isObject() ? node.path("authUser").asText(phone.getKey()) : phone.getKey();
                accounts.put(phone.getKey(), new PhoneAccount(phone.getKey(), authUser, password));
            }
            if (accounts.isEmpty()) {
                throw new IllegalArgumentException(file + " names no phones (a 'phones:' map of extension: password)");
            }
            return of(
                    accounts,
                    root.path("registrar").asText(defaultRegistrar),
                    root.path("bind").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the phones file " + file, e);
        }
    }

    private static PhoneSettings of(Map<String, PhoneAccount> accounts, String registrar, String bind) {
        return new PhoneSettings(
                Collections.unmodifiableMap(accounts), registrar, bind != null ? bind : routeTo(registrar));
    }

    /** The local address the system would send the registrar's packets from (no packet is sent). */
    private static String routeTo(String registrar) {
        String host = registrar.replaceFirst(":\\d+$", "");
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(host, 5060));
            return probe.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("no route to the registrar " + host, e);
        }
    }

    @Override
    public String toString() {
        return "phones " + accounts.keySet() + " at " + registrar + " from " + bindAddress;
    }
}
