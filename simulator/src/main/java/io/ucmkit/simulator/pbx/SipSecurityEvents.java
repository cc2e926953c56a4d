package io.ucmkit.simulator.pbx;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.EventBus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** res_pjsip's security events for the phones' SIP requests (transcripts 44, 46 and 47). */
public final class SipSecurityEvents {

    /** Where the PBX takes SIP: UDP 5060 on loopback, as the recorded PBX did (transcripts 44, 46, 47). */
    public static final String PBX_SIP_ADDRESS = "127.0.0.1:5060";

    /** Security events' {@code EventTV}/{@code SessionTV}: {@code %FT%T.%q%z}. */
    public static final DateTimeFormatter TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private SipSecurityEvents() {}

    /**
     * What res_pjsip publishes for a phone's SIP request that it challenges (401) and the phone then
     * sends again with credentials: ChallengeSent, then SuccessfulAuth. A Grandstream phone, like the
     * recorded ones, authenticates every REGISTER (the un-REGISTER too, transcript 47) and INVITE
     * (transcripts 44 and 46). Both carry the request's Call-ID as SessionID and UDP addresses;
     * ChallengeSent has an empty {@code Challenge:}, SuccessfulAuth {@code UsingPassword: 1} and, unlike
     * the AMI's, no SessionTV.
     *
     * @param account      the endpoint that authenticated (the extension)
     * @param callId       the request's Call-ID
     * @param phoneAddress where the phone sent it from, {@code ip:port}
     * @param now          the event time
     */
    public static List<AmiMessage> sipAuthentication(String account, String callId, String phoneAddress, Instant now) {
        String tv = TV.format(now);
        AmiMessage challenge = sipHead("ChallengeSent", tv, account, callId, phoneAddress)
                .add("Challenge", "")
                .build();
        AmiMessage success = sipHead("SuccessfulAuth", tv, account, callId, phoneAddress)
                .add("UsingPassword", "1")
                .build();
        return List.of(challenge, success);
    }

    private static AmiMessage.Builder sipHead(
            String name, String tv, String account, String callId, String phoneAddress) {
        return EventBus.event(name, Privileges.SECURITY)
                .add("EventTV", tv)
                .add("Severity", "Informational")
                .add("Service", "PJSIP")
                .add("EventVersion", "1")
                .add("AccountID", account)
                .add("SessionID", callId)
                .add("LocalAddress", udp(PBX_SIP_ADDRESS))
                .add("RemoteAddress", udp(phoneAddress));
    }

    private static String udp(String ipPort) {
        int colon = ipPort.lastIndexOf(':');
        return "IPV4/UDP/" + ipPort.substring(0, colon) + "/" + ipPort.substring(colon + 1);
    }
}
