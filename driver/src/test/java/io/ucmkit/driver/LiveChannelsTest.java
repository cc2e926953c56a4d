package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.ChannelState;
import org.junit.jupiter.api.Test;

class LiveChannelsTest {

    private final LiveChannels live = new LiveChannels();

    @Test
    void aLegEndsWithItsLastHalfAndACallWithItsLastChannel() {
        live.put("Local/1000@internal-0000000e;1", new LiveChannels.Leg("1.1", "1.1", ChannelState.DOWN));
        live.put("Local/1000@internal-0000000e;2", new LiveChannels.Leg("1.2", "1.1", ChannelState.DOWN));
        live.put("PJSIP/1001-00000001", new LiveChannels.Leg("1.3", "1.1", ChannelState.DOWN));

        live.remove("Local/1000@internal-0000000e;1");
        assertThat(live.hasLeg("Local/1000@internal-0000000e")).isTrue();
        live.remove("Local/1000@internal-0000000e;2");
        assertThat(live.hasLeg("Local/1000@internal-0000000e")).isFalse();
        assertThat(live.hasCall("1.1")).isTrue();
        live.remove("PJSIP/1001-00000001");
        assertThat(live.hasCall("1.1")).isFalse();
    }

    @Test
    void updatesOfAChannelCountOnceAndFollowALinkedidChange() {
        live.put("PJSIP/1000-00000000", new LiveChannels.Leg("1.1", "1.1", ChannelState.DOWN));
        live.put("PJSIP/1000-00000000", new LiveChannels.Leg("1.1", "1.1", ChannelState.UP));
        live.put("PJSIP/1000-00000000", new LiveChannels.Leg("1.1", "9.9", ChannelState.UP));
        assertThat(live.hasCall("1.1")).isFalse();
        assertThat(live.hasCall("9.9")).isTrue();
        assertThat(live.get("PJSIP/1000-00000000").state()).isEqualTo(ChannelState.UP);

        assertThat(live.remove("PJSIP/1000-00000000")).isNotNull();
        assertThat(live.remove("PJSIP/1000-00000000")).isNull();
        assertThat(live.hasLeg("PJSIP/1000-00000000")).isFalse();
        assertThat(live.hasCall("9.9")).isFalse();
        assertThat(live.entries()).isEmpty();
    }
}
