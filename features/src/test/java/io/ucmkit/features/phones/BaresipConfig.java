package io.ucmkit.features.phones;

/**
 * The two files a baresip 1.0 phone needs: {@code config} (no sound card — a sine as the
 * microphone, ALSA's null device as the speaker; G.711; ctrl_tcp) and {@code accounts}
 * (the registration, manual answer: the suite answers for the person).
 */
final class BaresipConfig {

    private BaresipConfig() {}

    static String config(String bindAddress, LocalPorts ports) {
        return String.join(
                "\n",
                "poll_method epoll",
                "sip_listen " + bindAddress + ":" + ports.sip(),
                "call_local_timeout 120",
                "call_max_calls 4",
                "audio_player alsa,null",
                "audio_source ausine,440",
                "audio_alert alsa,null",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                "audio_level no",
                "ausrc_format s16",
                "auplay_format s16",
                "auenc_format s16",
                "audec_format s16",
                "audio_buffer 20-160",
                "rtp_ports " + ports.rtpFirst() + "-" + ports.rtpLast(),
                "rtcp_mux no",
                "jitter_buffer_delay 5-10",
                "net_interface " + bindAddress,
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module ausine.so",
                "module alsa.so",
                "module_tmp account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen " + bindAddress + ":" + ports.control(),
                "");
    }

    /** PCMU only (the UCM's and the reference PBX's codec); DTMF goes as RFC 4733 events, baresip's default. */
    static String account(PhoneAccount account, String registrar) {
        return "<sip:" + account.extension() + "@" + registrar + ";transport=udp>;auth_user=" + account.authUser()
                + ";auth_pass=" + account.password() + ";regint=3600;answermode=manual;audio_codecs=PCMU;ptime=20\n";
    }
}
