package io.ucmkit.driver.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.LoginMode;
import io.ucmkit.driver.ReconnectDelay;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's config file (YAML or JSON: JSON is YAML, so one parser reads both). Unknown fields are an error
 * naming the field. Every field is optional here; flags override the file; the password comes from the file or
 * {@code UCMKIT_PASSWORD}, never from the command line.
 */
final class ServiceConfig {

    public String address;
    public Integer port;
    public String username;
    public String password;
    public LoginMode loginMode;
    public Boolean tls;
    /** PEM file of the PBX's certificate or its CA (relative paths: to the working directory, as dataDir). */
    public String tlsTrustCertificate;
    public String channelTech;
    public String context;
    public Integer ivrFirst;
    public Integer ivrLast;
    public Long connectTimeoutMs;
    public Long actionTimeoutMs;
    public Long keepaliveIntervalMs;
    public Long keepaliveTimeoutMs;
    public Reconnect reconnect;
    /** After a refused login: default 30 s doubling up to 10 min (same fields as reconnect). */
    public Reconnect refusedLoginRetry;
    public Integer dataserverPort;
    public Integer debugPort;
    public String bind;
    public String dataDir;
    public Integer eventHistory;

    /** Reconnect policy: initial and max delay, multiplier, jitter (0–1). */
    static final class Reconnect {
        public Long initialMs;
        public Long maxMs;
        public Double multiplier;
        public Double jitter;

        /** This policy, with {@code d}'s values where a field is not given. */
        ReconnectDelay over(ReconnectDelay d) {
            return new ReconnectDelay(initialMs == null ? d.initial() : Duration.ofMillis(initialMs),
                    maxMs == null ? d.max() : Duration.ofMillis(maxMs),
                    multiplier == null ? d.multiplier() : multiplier, jitter == null ? d.jitter() : jitter);
        }
    }

    static ServiceConfig load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        try {
            ServiceConfig c = yaml.readValue(file.toFile(), ServiceConfig.class);
            return c == null ? new ServiceConfig() : c;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config " + file + ": unknown field '" + e.getPropertyName()
                    + "'; known fields: " + e.getKnownPropertyIds());
        } catch (IOException e) {
            throw new IllegalArgumentException("config " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    DriverConfig toDriverConfig() {
        DriverConfig.Builder b = DriverConfig.builder().address(address).username(username).password(password);
        if (port != null) b.port(port);
        if (loginMode != null) b.loginMode(loginMode);
        if (tls != null) b.tls(tls);
        if (tlsTrustCertificate != null) b.tlsTrustCertificate(Path.of(tlsTrustCertificate));
        if (channelTech != null) b.channelTech(channelTech);
        if (context != null) b.context(context);
        if (ivrFirst != null || ivrLast != null) {
            b.ivrRange(ivrFirst == null ? 7000 : ivrFirst, ivrLast == null ? 7100 : ivrLast);
        }
        if (connectTimeoutMs != null) b.connectTimeout(Duration.ofMillis(connectTimeoutMs));
        if (actionTimeoutMs != null) b.actionTimeout(Duration.ofMillis(actionTimeoutMs));
        if (keepaliveIntervalMs != null) b.keepaliveInterval(Duration.ofMillis(keepaliveIntervalMs));
        if (keepaliveTimeoutMs != null) b.keepaliveTimeout(Duration.ofMillis(keepaliveTimeoutMs));
        if (reconnect != null) {
            b.reconnect(reconnect.over(ReconnectDelay.defaults()));
        }
        if (refusedLoginRetry != null) {
            b.refusedLoginRetry(refusedLoginRetry.over(ReconnectDelay.refusedLogin()));
        }
        return b.build();
    }
}
