package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import io.ucmkit.simulator.admin.SimulatorException;

/**
 * What a person does at a phone: answer, decline, hang up, dial, press keys. A phone that has
 * nothing to act on, or an extension that does not exist, is a {@link SimulatorException}. Called
 * with the {@link CallEngine}'s lock held.
 */
final class Phones {

    /** How long a phone's RFC 4733 key press lasts: {@code DurationMs: 180} (44, 46). */
    static final int PHONE_KEY_MS = 180;

    private final CallEngine engine;
    private final ChannelControl control;

    Phones(CallEngine engine, ChannelControl control) {
        this.engine = engine;
        this.control = control;
    }

    void answer(String ext) {
        engine.ringing().answer(ringingLeg(ext, "answer").dest);
    }

    /**
     * The ringing phone rejects the call with its {@code declineWith} SIP answer: 486 (cause 17,
     * DialEnd BUSY, as the recorded phones, transcripts 41–43) or 603 (cause 21, DialEnd NOANSWER).
     */
    void decline(String ext) {
        PbxPort.Phone phone = requirePhone(ext);
        engine.ringing().reject(ringingLeg(ext, "decline"), phone.declineCause(), phone.declineWith());
    }

    /**
     * The phone hangs up (a BYE, cause 16). A phone with a call up hangs that up; a phone that is
     * only ringing rejects the call, as {@link #decline}.
     */
    void hangup(String ext) {
        PbxPort.Phone phone = requirePhone(ext);
        for (SimChannel c : engine.channelsOf(ext)) {
            if (c.inbound() == null) {
                engine.hangups().hangup(c, HangupCause.NORMAL_CLEARING.code, true);
                return;
            }
        }
        engine.ringing().reject(ringingLeg(ext, "hang up"), phone.declineCause(), phone.declineWith());
    }

    /** The phone dials {@code number}: an extension, an IVR, {@code *48}, {@code *54}–{@code *56}[ext]. */
    void dial(String ext, String number) {
        PbxPort.Phone phone = requirePhone(ext);
        if (!phone.registered()) {
            throw SimulatorException.nothingToActOn("extension " + ext + " is not registered; its phone cannot dial");
        }
        // A phone's INVITE (44, 46): the PBX challenges and authenticates it, the leg starts in
        // Ring with the phone's own caller ID and the SIP domain it called.
        engine.pbx().phoneAuthenticated(ext);
        SimChannel leg = engine.newChannel(
                phone.tech(), ext, null, ChannelState.RING, new CallerId(phone.name(), ext), number, null);
        engine.setVar(leg, "SIPDOMAIN", Apps.SIP_DOMAIN);
        engine.apps().route(leg, number, CallEngine.DIAL_RING_TIMEOUT, () -> {});
        engine.updateDeviceStates();
    }

    /** The phone presses keys on its call: DTMFBegin/DTMFEnd, Received on its leg, Sent on the peer. */
    void dtmf(String ext, String digits) {
        requirePhone(ext);
        SimChannel leg = null;
        for (SimChannel c : engine.channelsOf(ext)) {
            if (c.state() == ChannelState.UP || c.outbound() != null) {
                leg = c;
                break;
            }
        }
        if (leg == null) {
            throw SimulatorException.nothingToActOn("extension " + ext + " has no call to send DTMF on");
        }
        for (char d : digits.toCharArray()) {
            if (!leg.hungUp()) {
                control.pressKey(leg, d, PHONE_KEY_MS);
            }
        }
    }

    private PbxPort.Phone requirePhone(String ext) {
        return engine.pbx().phone(ext).orElseThrow(() -> SimulatorException.unknownExtension(ext));
    }

    private DialAttempt ringingLeg(String ext, String verb) {
        requirePhone(ext);
        for (SimChannel c : engine.channelsOf(ext)) {
            if (c.inbound() != null) {
                return c.inbound();
            }
        }
        throw SimulatorException.nothingToActOn("extension " + ext + " has no ringing call to " + verb);
    }
}
