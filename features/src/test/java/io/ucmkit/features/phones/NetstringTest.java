package io.ucmkit.features.phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetstringTest {

    @Test
    void encodesTheByteLengthNotTheCharCount() {
        assertThat(new String(Netstring.encode("{\"a\":\"é\"}"), StandardCharsets.UTF_8))
                .isEqualTo("10:{\"a\":\"é\"},");
    }

    @Test
    void readsBackToBackNetstringsAsBaresipSendsEventsAndResponses() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream("9:{\"a\":\"b\"},2:{},".getBytes(StandardCharsets.UTF_8));
        assertThat(Netstring.read(in)).isEqualTo("{\"a\":\"b\"}");
        assertThat(Netstring.read(in)).isEqualTo("{}");
        assertThatThrownBy(() -> Netstring.read(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void refusesAStreamThatIsNoNetstring() {
        assertThatThrownBy(() -> Netstring.read(new ByteArrayInputStream("x:{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a netstring");
        assertThatThrownBy(() -> Netstring.read(new ByteArrayInputStream("2:{};".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not terminated");
    }
}
