package io.ucmkit.features.support;

import io.ucmkit.simulator.admin.ExtensionInfo;
import io.ucmkit.simulator.ami.Journal;
import io.ucmkit.simulator.call.Calls.ChannelView;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.pbx.WatcherKey;
import java.util.List;
import java.util.Optional;

/**
 * What the UCM administrator and the people at the phones do on a simulator ({@code @ucm-admin}
 * and {@code @simulator-only} scenarios, and the simulator's side of {@code @phones}): in-process through {@link io.ucmkit.simulator.SimulatorAdmin}, or against a
 * separately started simulator through its control API (the same operations over HTTP). Invalid
 * values throw {@link IllegalArgumentException}, an unknown extension
 * {@link java.util.NoSuchElementException}, a phone with nothing to act on {@link IllegalStateException}.
 */
public interface UcmAdmin {

    ExtensionInfo extension(String ext);

    void setPresence(String ext, String status, String text);

    void setRegistered(String ext, boolean registered);

    void setAnswerMode(String ext, String mode, int delayMs);

    void answer(String ext);

    void decline(String ext);

    void hangup(String ext);

    void dial(String ext, String number);

    void dtmf(String ext, String digits);

    List<ChannelView> calls();

    List<WatcherKey> watchers();

    List<Journal.Entry> journal();

    Optional<AmiUserConfig> amiUser(String name);

    /** Saves a user; like a UCM, this restarts the manager (Shutdown to every AMI session). */
    void saveAmiUser(AmiUserConfig user);

    /** Back to the configured PBX: calls hung up, AMI sessions closed, phones and presence reset. */
    void reset();
}
