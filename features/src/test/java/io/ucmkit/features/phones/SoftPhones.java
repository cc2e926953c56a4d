package io.ucmkit.features.phones;

import static org.awaitility.Awaitility.await;

import io.ucmkit.features.phones.BaresipPhone.Call;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test extensions' phones on a real PBX: one baresip per extension, registered from this
 * host, started once for the run and put back between scenarios (calls hung up, answered by
 * hand, registered). An extension without an account has no phone: it is never registered. What
 * only the PBX knows (who spies on whom, who is bridged with whom) is read from its channels.
 */
public final class SoftPhones implements Phones, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoftPhones.class);
    /** SIP over a real network: registrations and call set-up get seconds, not milliseconds. */
    static final Duration SIP_TIMEOUT = Duration.ofSeconds(20);

    private final PhoneSettings settings;
    private final PbxChannels pbx;
    private final SpyWatch spies;
    private final Map<String, BaresipPhone> phones = new LinkedHashMap<>();

    public SoftPhones(PhoneSettings settings, PbxChannels pbx) {
        this.settings = settings;
        this.pbx = pbx;
        this.spies = new SpyWatch(pbx.target());
        LOG.info(
                "soft phones for {} registering at {} from {}",
                settings.accounts().keySet(),
                settings.registrar(),
                settings.bindAddress());
    }

    /** Before each scenario: every phone registered and idle, answered by hand, and no channel left on the PBX. */
    public synchronized void reset() {
        for (PhoneAccount account : settings.accounts().values()) {
            BaresipPhone phone = phones.get(account.extension());
            if (phone == null || !phone.alive()) {
                phones.put(
                        account.extension(), BaresipPhone.start(account, settings.registrar(), settings.bindAddress()));
            }
        }
        for (BaresipPhone phone : phones.values()) {
            phone.behave(PhoneBehaviour.ANSWERED_BY_HAND);
            if (!phone.calls().isEmpty()) {
                phone.hangUpAll();
            }
        }
        // registration is legitimately asynchronous: REGISTER, 401, REGISTER with credentials, 200
        for (BaresipPhone phone : phones.values()) {
            await().atMost(SIP_TIMEOUT).until(phone::registered);
        }
        // a PBX that lost a contact (a restart, an expiry) gets a fresh REGISTER from a new phone process
        pbx.deviceStates(phones.keySet()).forEach((extension, state) -> {
            if (state.equals("UNAVAILABLE")) {
                LOG.info("phone {}: the PBX has no contact for it any more; registering again", extension);
                phones.remove(extension).close();
                BaresipPhone phone = BaresipPhone.start(
                        settings.accounts().get(extension), settings.registrar(), settings.bindAddress());
                phones.put(extension, phone);
                await().atMost(SIP_TIMEOUT).until(phone::registered);
            }
        });
        await("no channel left on the PBX")
                .atMost(SIP_TIMEOUT)
                .until(() -> pbx.channels().isEmpty()
                        && phones.values().stream().allMatch(p -> p.calls().isEmpty()));
    }

    @Override
    public synchronized void behave(String extension, PhoneBehaviour behaviour) {
        if (behaviour == PhoneBehaviour.NOT_REGISTERED) {
            BaresipPhone phone = phones.remove(extension);
            if (phone != null) {
                // the next reset starts it again
                phone.unregister();
                phone.close();
                awaitUnregistered(extension);
            }
            return;
        }
        phone(extension).behave(behaviour);
    }

    /** The PBX drops the contact on the phone's un-REGISTER: the endpoint's device state turns Unavailable. */
    private void awaitUnregistered(String extension) {
        await("extension " + extension + " unregistered on the PBX")
                .atMost(SIP_TIMEOUT)
                .until(() -> pbx.deviceState("PJSIP/" + extension).equals("UNAVAILABLE"));
    }

    @Override
    public void answer(String extension) {
        phone(extension).accept();
    }

    @Override
    public void reject(String extension) {
        phone(extension).reject();
    }

    @Override
    public void hangUp(String extension) {
        phone(extension).hangUp();
    }

    @Override
    public void dial(String extension, String number) {
        phone(extension).dial(number);
    }

    @Override
    public void sendDtmf(String extension, String digits) {
        phone(extension).sendDtmf(digits);
    }

    @Override
    public Optional<CallerId> ringing(String extension) {
        return existing(extension).flatMap(BaresipPhone::ringing).map(Call::peer);
    }

    @Override
    public boolean inCall(String extension) {
        return existing(extension)
                .map(p -> p.calls().stream().anyMatch(c -> c.state() == Call.State.ESTABLISHED))
                .orElse(false);
    }

    @Override
    public boolean hasCall(String extension) {
        return existing(extension).map(p -> !p.calls().isEmpty()).orElse(false);
    }

    @Override
    public synchronized boolean anyCall() {
        return phones.values().stream().anyMatch(p -> !p.calls().isEmpty())
                || !pbx.channels().isEmpty();
    }

    /** Both phones answered and their PBX channels in one bridge. */
    @Override
    public boolean talking(String one, String other) {
        if (!inCall(one) || !inCall(other)) {
            return false;
        }
        List<PbxChannels.Channel> channels = pbx.channels();
        return channels.stream()
                .filter(c -> c.extension().equals(one) && notBlank(c.bridgeId()))
                .anyMatch(a -> channels.stream()
                        .anyMatch(
                                b -> b.extension().equals(other) && a.bridgeId().equals(b.bridgeId())));
    }

    /**
     * The spyer's channel spies on the spied extension's (ChanSpyStart) and runs ChanSpy with: {@code B} in its options is barge,
     * {@code w} whisper, neither listen (Asterisk's app_chanspy options).
     */
    @Override
    public Optional<String> spyMode(String spyer, String spied) {
        if (!inCall(spyer) || !spies.spying(spyer, spied)) {
            return Optional.empty();
        }
        return pbx.channels().stream()
                .filter(c -> c.extension().equals(spyer) && "ChanSpy".equalsIgnoreCase(c.application()))
                .filter(c -> c.data() != null && c.data().startsWith("PJSIP/" + spied))
                .map(c -> {
                    String options =
                            c.data().contains(",") ? c.data().substring(c.data().indexOf(',') + 1) : "";
                    return options.contains("B") ? "barge" : options.contains("w") ? "whisper" : "listen";
                })
                .findFirst();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private synchronized Optional<BaresipPhone> existing(String extension) {
        return Optional.ofNullable(phones.get(extension));
    }

    private BaresipPhone phone(String extension) {
        return existing(extension)
                .orElseThrow(() ->
                        new IllegalStateException("extension " + extension + " has no soft phone (accounts given: "
                                + settings.accounts().keySet() + ")"));
    }

    @Override
    public synchronized void close() {
        phones.values().forEach(BaresipPhone::close);
        phones.clear();
        spies.close();
    }

    @Override
    public synchronized String toString() {
        return phones.values().toString();
    }
}
