package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiWire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A decoded message keeps its header lines as bytes and makes Strings on demand: it must answer every accessor
 * exactly as the same message made with the builder does, whatever the bytes (case, CR, blanks, UTF-8, size).
 */
class DecodedMessageTest {

    private static AmiMessage decode(AmiDecoderConfig config, String wire) {
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(config, AmiWire.bytes(wire));
        assertThat(frames).hasSize(1);
        return (AmiMessage) frames.get(0);
    }

    private static AmiMessage decode(String wire) {
        return decode(AmiDecoderConfig.client(), wire);
    }

    @Test
    void a_decoded_message_answers_as_the_same_message_built() {
        AmiMessage decoded = decode("Response: Success\r\nActionID: ps-1\r\nMessage: Presence State\r\nState: dnd\r\n"
                + "message: In a meeting\r\nEmpty:\r\nSecret: hunter2\r\n\r\n");
        AmiMessage built = AmiMessage.of(
                "Response",
                "Success",
                "ActionID",
                "ps-1",
                "Message",
                "Presence State",
                "State",
                "dnd",
                "message",
                "In a meeting",
                "Empty",
                "",
                "Secret",
                "hunter2");

        assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(built).isEqualTo(decoded);
        assertThat(decoded.toString()).doesNotContain("hunter2");
        assertThat(decoded.get("MESSAGE")).isEqualTo("Presence State");
        assertThat(decoded.getAll("Message")).containsExactly("Presence State", "In a meeting");
        assertThat(decoded.get("Mess")).isNull();
        assertThat(decoded.get("Messages")).isNull();
        assertThat(decoded.get("Empty")).isEmpty();
        assertThat(decoded.getNonEmpty("empty")).isNull();
        assertThat(decoded.has("actionid")).isTrue();
        assertThat(decoded.isResponse()).isTrue();
        assertThat(decoded.isEvent()).isFalse();
        assertThat(decoded.response()).isEqualTo("Success");
        assertThat(decoded.headers()).isEqualTo(built.headers());
        assertThat(decoded.toBuilder().set("State", "away").build().get("state"))
                .isEqualTo("away");
        assertThat(decoded.get("State")).isEqualTo("dnd");
    }

    @Test
    void a_value_is_made_once_and_kept() {
        AmiMessage decoded = decode("Event: Newstate\r\nChannel: PJSIP/1000-00000001\r\n\r\n");

        assertThat(decoded.get("Channel")).isSameAs(decoded.get("channel")).isSameAs(decoded.value(1));
        assertThat(decoded.name(1)).isSameAs(decoded.name(1)).isEqualTo("Channel");
        assertThat(decoded.eventName()).isEqualTo("Newstate");
    }

    @Test
    void threads_reading_one_message_at_once_all_see_its_headers() throws Exception {
        StringBuilder wire = new StringBuilder("Event: Newstate\r\n");
        for (int i = 0; i < 50; i++) {
            wire.append("Header").append(i).append(": value ").append(i).append("\r\n");
        }
        byte[] bytes = AmiWire.bytes(wire.append("\r\n").toString());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            readConcurrently(bytes, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void readConcurrently(byte[] bytes, java.util.concurrent.ExecutorService pool) throws Exception {
        for (int round = 0; round < 50; round++) {
            AmiMessage shared = (AmiMessage)
                    AmiWire.decode(AmiDecoderConfig.client(), bytes).get(0);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            List<java.util.concurrent.CompletableFuture<Void>> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                readers.add(java.util.concurrent.CompletableFuture.runAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            for (int k = 0; k < 50; k++) {
                                int i = (first * 13 + k) % 50;
                                assertThat(shared.get("header" + i)).isEqualTo("value " + i);
                                assertThat(shared.name(i + 1)).isEqualTo("Header" + i);
                            }
                        },
                        pool));
            }
            for (var reader : readers) {
                reader.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_name_is_only_the_bytes_up_to_the_first_colon() {
        AmiMessage decoded = decode("Event: X\r\nA:b: c\r\nA:b:c\r\nKey:: v\r\n\r\n");

        assertThat(decoded.get("A:b")).isNull();
        assertThat(decoded.getAll("a")).containsExactly("b: c", "b:c");
        assertThat(decoded.get("Key")).isEqualTo(": v");
        assertThat(decoded.name(1)).isEqualTo("A");
    }

    @Test
    void case_is_folded_as_equals_ignore_case_folds_it_also_for_non_ascii_names() {
        // U+212A KELVIN SIGN lower-cases to 'k' and U+017F LONG S upper-cases to 'S': equalsIgnoreCase matches both
        AmiMessage ascii = decode("Event: X\r\nKey: 1\r\nSecret: 2\r\n\r\n");
        assertThat(ascii.get("\u212Aey")).isEqualTo("1");
        assertThat(ascii.get("\u017Fecret")).isEqualTo("2");
        assertThat(ascii.get("KEY")).isEqualTo("1");
        assertThat(ascii.get("K[y")).isNull(); // '[' | 0x20 is '{', not a letter

        AmiMessage unicode = decode("Event: X\r\n\u212Aey: 1\r\nNäme: 2\r\n\r\n");
        assertThat(unicode.get("key")).isEqualTo("1");
        assertThat(unicode.get("NÄME")).isEqualTo("2");
        assertThat(unicode.name(2)).isEqualTo("Näme");
        assertThat(unicode.toString()).contains("\u212Aey: " + AmiHeaders.MASK);
    }

    @Test
    void line_ends_and_blanks_are_cut_as_before_in_both_profiles() {
        AmiMessage client = decode("Event: X\r\nA:  two spaces\r\nB:\r\nC:x\nD: cr\r\r\n\r\n");
        assertThat(client).isEqualTo(AmiMessage.of("Event", "X", "A", " two spaces", "B", "", "C", "x", "D", "cr\r"));

        AmiMessage server = decode(AmiDecoderConfig.server(), "Action:\r\t Ping\r\nActionID:\r\n\r\n");
        assertThat(server).isEqualTo(AmiMessage.of("Action", "Ping", "ActionID", ""));
        assertThat(server.action()).isEqualTo("Ping");
    }

    @Test
    void a_message_over_64_kib_keeps_its_offsets() {
        StringBuilder wire = new StringBuilder("Response: Success\r\n");
        AmiMessage.Builder expected = AmiMessage.builder().add("Response", "Success");
        for (int i = 0; i < 3000; i++) {
            String value = "value-" + i + "-" + "x".repeat(i % 40);
            wire.append("Output: ").append(value).append("\r\n");
            expected.add("Output", value);
        }
        wire.append("Last: end\r\n\r\n");
        expected.add("Last", "end");
        assertThat(wire.length()).isGreaterThan(70_000);

        List<AmiFrame> frames = AmiWire.decode(AmiDecoderConfig.client(), AmiWire.bytes(wire.toString()), 1460);
        AmiMessage decoded = (AmiMessage) frames.get(0);
        assertThat(decoded).isEqualTo(expected.build());
        assertThat(decoded.get("last")).isEqualTo("end");
        assertThat(decoded.getAll("Output")).hasSize(3000).endsWith("value-2999-" + "x".repeat(2999 % 40));
    }

    @Test
    void the_headers_kept_around_a_discarded_line_are_read_back_whole() {
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                AmiDecoderConfig.client(),
                AmiWire.bytes("Event: X\r\nA: 1\r\nno colon\r\nB: 2\r\nC\0: nul\r\nD: 4\r\n\r\n"));

        AmiDecodeFailure failure = (AmiDecodeFailure) frames.get(0);
        assertThat(failure.partial()).isEqualTo(AmiMessage.of("Event", "X", "A", "1", "B", "2", "D", "4"));
        assertThat(failure.partial().get("b")).isEqualTo("2");
    }

    @Test
    void the_utf8_check_agrees_with_the_strict_decoder_on_every_short_sequence_and_random_runs() {
        HeaderLine line = new HeaderLine();
        byte[] bytes = new byte[4 + HeaderLine.SLACK];
        line.bytes = bytes;
        for (int first = 0; first < 256; first++) {
            for (int second = 0; second < 256; second++) {
                bytes[0] = (byte) first;
                bytes[1] = (byte) second;
                for (int third : new int[] {0x41, 0x80, 0x9f, 0xa0, 0xbf}) {
                    bytes[2] = (byte) third;
                    bytes[3] = (byte) 0x8f;
                    for (int length = 1; length <= 4; length++) {
                        assertThat(Utf8.isValid(bytes, 0, length))
                                .as("%02x %02x %02x 8f, %d bytes", first, second, third, length)
                                .isEqualTo(line.text(0, length, false) != null);
                    }
                }
            }
        }
        SplittableRandom random = new SplittableRandom(19);
        byte[] utf8 = "José Müller, 李小龍, Ana 🎧 Support; plain ASCII runs of more than eight bytes"
                .getBytes(StandardCharsets.UTF_8);
        byte[] run = new byte[utf8.length + HeaderLine.SLACK];
        line.bytes = run;
        for (int i = 0; i < 20_000; i++) {
            System.arraycopy(utf8, 0, run, 0, utf8.length);
            if (random.nextBoolean()) {
                run[random.nextInt(utf8.length)] = (byte) random.nextInt(256);
            }
            int from = random.nextInt(utf8.length);
            int to = from + random.nextInt(utf8.length - from + 1);
            assertThat(Utf8.isValid(run, from, to))
                    .as("run %d", i)
                    .isEqualTo(from == to || line.text(from, to, false) != null);
        }
    }
}
