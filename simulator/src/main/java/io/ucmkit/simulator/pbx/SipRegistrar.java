package io.ucmkit.simulator.pbx;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The phones' SIP registrations and their events as res_pjsip publishes them (transcripts 44, 46,
 * 47). Part of the {@link Pbx} model, called with its lock held.
 */
final class SipRegistrar {

    private final Pbx pbx;
    private final Clock clock;

    SipRegistrar(Pbx pbx, Clock clock) {
        this.pbx = pbx;
        this.clock = clock;
    }

    /**
     * Registers or unregisters a phone, with the events a real Asterisk with PJSIP publishes
     * (transcript 47). Un-REGISTER: ChallengeSent + SuccessfulAuth, ExtensionStatus Unavailable,
     * PeerStatus Unreachable, DeviceStateChange UNAVAILABLE, ContactStatus Removed. REGISTER:
     * ChallengeSent + SuccessfulAuth, ContactStatus NonQualified, PeerStatus Reachable,
     * ExtensionStatus Idle, DeviceStateChange NOT_INUSE, then ContactStatus Reachable once the first
     * qualify OPTIONS is answered. Asterisk raises the hint and device events on other threads than
     * PeerStatus, so their place varies (transcripts README #15); this is the recorded one. A phone
     * in a call keeps its call's device state, so it raises no device events.
     */
    boolean setRegistered(String number, boolean registered) {
        PbxPhone p = pbx.phone(number);
        if (p == null) {
            return false;
        }
        if (p.registered == registered) {
            return true;
        }
        String device = pbx.device(number);
        String old = pbx.deviceState(device);
        p.registered = registered;
        boolean deviceChanged = !pbx.hasSetState(device) && !old.equals(pbx.deviceState(device));
        if (registered) {
            p.sipContact = SipContact.register(number, p.contact, p.model, clock.instant());
            publishSipAuthentication(number, p.sipContact.callId());
            publishContactStatus(p.sipContact, "NonQualified", 0);
            publishPeerStatus(number, "Reachable");
            if (deviceChanged) {
                pbx.publishExtensionStatus(number);
                pbx.publishDeviceStateChange(device, pbx.deviceState(device));
            }
            publishContactStatus(p.sipContact, "Reachable", p.sipContact.roundtripUsec());
        } else {
            SipContact gone = p.sipContact;
            p.sipContact = null;
            // A phone keeps one Call-ID for all its REGISTERs (RFC 3261 10.2), the un-REGISTER too.
            publishSipAuthentication(number, gone.callId());
            if (deviceChanged) {
                pbx.publishExtensionStatus(number);
            }
            publishPeerStatus(number, "Unreachable");
            if (deviceChanged) {
                pbx.publishDeviceStateChange(device, pbx.deviceState(device));
            }
            publishContactStatus(gone, "Removed", 0);
        }
        return true;
    }

    /**
     * ChallengeSent then SuccessfulAuth for a SIP request of this extension's phone, sent from its
     * contact (a REGISTER here; an INVITE the phone dials, transcripts 44 and 46), to {@code security}
     * readers only.
     */
    void publishSipAuthentication(String number, String callId) {
        PbxPhone p = pbx.phone(number);
        if (p == null) {
            return;
        }
        for (AmiMessage m : SipSecurityEvents.sipAuthentication(number, callId, p.contact, clock.instant())) {
            pbx.events().publish(m, Privileges.SECURITY);
        }
    }

    /** The registered contacts, in the order PJSIPShowContacts lists them (by contact id). */
    List<SipContact> contacts() {
        List<SipContact> out = new ArrayList<>();
        for (String number : pbx.hintedExtensions()) {
            PbxPhone p = pbx.phone(number);
            if (p.sipContact != null) {
                out.add(p.sipContact);
            }
        }
        out.sort(Comparator.comparing(SipContact::objectName));
        return out;
    }

    private void publishContactStatus(SipContact c, String status, long roundtripUsec) {
        pbx.events().publish(PbxEvents.contactStatus(c, status, roundtripUsec));
    }

    private void publishPeerStatus(String number, String status) {
        pbx.events().publish(PbxEvents.peerStatus(pbx.tech(), pbx.device(number), status));
    }
}
