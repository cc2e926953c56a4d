package io.ucmkit.features.support;

import io.ucmkit.simulator.SimulatorAdmin;
import io.ucmkit.simulator.admin.ExtensionInfo;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.ami.Journal;
import io.ucmkit.simulator.call.Calls.ChannelView;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.pbx.WatcherKey;
import java.util.List;
import java.util.Optional;

/** {@link UcmAdmin} on an in-process simulator: straight calls, the phone's 409 as IllegalStateException. */
final class InProcessAdmin implements UcmAdmin {

    private final SimulatorAdmin admin;

    InProcessAdmin(SimulatorAdmin admin) {
        this.admin = admin;
    }

    @Override
    public ExtensionInfo extension(String ext) {
        return admin.extension(ext);
    }

    @Override
    public void setPresence(String ext, String status, String text) {
        admin.setPresence(ext, status, text);
    }

    @Override
    public void setRegistered(String ext, boolean registered) {
        admin.setRegistered(ext, registered);
    }

    @Override
    public void setAnswerMode(String ext, String mode, int delayMs) {
        admin.setAnswerMode(ext, mode, delayMs);
    }

    @Override
    public void answer(String ext) {
        phone(() -> admin.answer(ext));
    }

    @Override
    public void decline(String ext) {
        phone(() -> admin.decline(ext));
    }

    @Override
    public void hangup(String ext) {
        phone(() -> admin.hangup(ext));
    }

    @Override
    public void dial(String ext, String number) {
        phone(() -> admin.dial(ext, number));
    }

    @Override
    public void dtmf(String ext, String digits) {
        phone(() -> admin.dtmf(ext, digits));
    }

    private static void phone(Runnable action) {
        try {
            action.run();
        } catch (SimulatorException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<ChannelView> calls() {
        return admin.calls();
    }

    @Override
    public List<WatcherKey> watchers() {
        return admin.watchers();
    }

    @Override
    public List<Journal.Entry> journal() {
        return admin.journal();
    }

    @Override
    public Optional<AmiUserConfig> amiUser(String name) {
        return admin.amiUser(name);
    }

    @Override
    public void saveAmiUser(AmiUserConfig user) {
        admin.saveAmiUser(user);
    }

    @Override
    public void reset() {
        admin.reset();
    }
}
