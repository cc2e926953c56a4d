package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.config.ExtensionConfig;

/** One extension's phone as the PBX model keeps it; guarded by the {@link Pbx} lock. */
final class PbxPhone {
    final String name;
    final String model;
    boolean registered;
    String answerMode;
    int answerDelayMs;
    /** The contact its last REGISTER left; null while unregistered. */
    SipContact sipContact;

    /**
     * Where the simulated phone registers from: loopback, one SIP port per phone in config order
     * (5060, 5061, …) so the Extensions table shows distinct contacts, as on a real LAN.
     */
    final String contact;

    PbxPhone(ExtensionConfig e, int index) {
        contact = "127.0.0.1:" + (5060 + index);
        name = e.name() == null ? "" : e.name();
        model = e.model();
        registered = e.registered();
        answerMode = e.answerMode();
        answerDelayMs = e.answerDelayMs();
    }
}
