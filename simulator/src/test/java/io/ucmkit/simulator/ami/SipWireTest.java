package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipWireTest {

    private static final String ES =
            "Event: ExtensionStatus\r\nPrivilege: call,all\r\nExten: 1005\r\nContext: from-internal\r\n"
                    + "Hint: PJSIP/1005,CustomPresence:1005\r\nStatus: 4\r\nStatusText: Unavailable\r\n\r\n";
    private static final String DSC =
            "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: PJSIP/1005\r\nState: UNAVAILABLE\r\n\r\n";
    private static final String PEER =
            "Event: PeerStatus\r\nPrivilege: system,all\r\nChannelType: PJSIP\r\nPeer: PJSIP/1005\r\n"
                    + "PeerStatus: Unreachable\r\n\r\n";
    private static final String OTHER_DSC =
            "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: PJSIP/1006\r\nState: UNAVAILABLE\r\n\r\n";

    @Test
    void an_extension_status_before_or_after_its_device_state_change_compares_equal() {
        String recorded = ES + PEER + DSC; // transcript 47's un-REGISTER
        assertThat(SipWire.extensionStatusBesideDeviceState(PEER + DSC + ES))
                .isEqualTo(SipWire.extensionStatusBesideDeviceState(recorded))
                .isEqualTo(PEER + ES + DSC);
    }

    @Test
    void the_other_events_keep_their_order_and_another_device_does_not_pair() {
        assertThat(SipWire.extensionStatusBesideDeviceState(DSC + PEER))
                .isNotEqualTo(SipWire.extensionStatusBesideDeviceState(PEER + DSC));
        assertThat(SipWire.extensionStatusBesideDeviceState(ES + OTHER_DSC)).isEqualTo(OTHER_DSC + ES);
    }

    @Test
    void masks_keep_what_asterisk_prints_as_a_constant() {
        assertThat(SipWire.mask("RoundtripUsec: 0\r\n")).isEqualTo("RoundtripUsec: 0\r\n");
        assertThat(SipWire.mask("RoundtripUsec: 703\r\n")).isEqualTo("RoundtripUsec: <usec>\r\n");
        assertThat(SipWire.mask("LocalAddress: IPV4/UDP/127.0.0.1/5060\r\n"))
                .isEqualTo("LocalAddress: IPV4/UDP/127.0.0.1/5060\r\n");
        assertThat(SipWire.mask("SessionID: 668572076C7A3B11\r\n")).isEqualTo("SessionID: 668572076C7A3B11\r\n");
        assertThat(SipWire.mask("URI: sip:1005-0x55ba9d60eb70@127.0.0.1:5250\r\n"))
                .isEqualTo("URI: sip:1005@127.0.0.1:<port>\r\n");
    }
}
