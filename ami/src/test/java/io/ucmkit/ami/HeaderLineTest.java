package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time scan of {@link HeaderLine} against byte-at-a-time references, on lines built
 * to put every special byte (':', LF, CR, NUL, non-ASCII) at every offset within a word, with stale
 * bytes after the content; and its UTF-8 decoding against the JDK's reporting decoder.
 */
class HeaderLineTest {

    private static final byte[] ALPHABET = {
        'a', 'Z', '0', ' ', '-', ':', ':', '\n', '\r', 0, (byte) 0x80, (byte) 0xc3, (byte) 0xff, 0x7f, 0x01
    };

    @Test
    void the_word_scan_agrees_with_a_byte_scan_on_random_lines() {
        SplittableRandom random = new SplittableRandom(42);
        HeaderLine line = new HeaderLine();
        for (int run = 0; run < 200_000; run++) {
            byte[] array = new byte[2 + random.nextInt(40) + HeaderLine.SLACK];
            for (int i = 0; i < array.length; i++) {
                array[i] = random.nextInt(3) == 0
                        ? ALPHABET[random.nextInt(ALPHABET.length)]
                        : (byte) ('a' + random.nextInt(26));
            }
            int content = array.length - HeaderLine.SLACK;
            int from = random.nextInt(content);
            int limit = from + 1 + random.nextInt(content - from);

            int lf = line.scan(array, from, limit);

            Reference expected = Reference.scan(array, from, limit);
            assertThat(lf).as("LF of run %d", run).isEqualTo(expected.lf);
            if (lf >= 0) {
                assertThat(line.start).isEqualTo(from);
                assertThat(line.end).as("end of run %d", run).isEqualTo(expected.end);
                assertThat(line.colon).as("colon of run %d", run).isEqualTo(expected.colon);
                assertThat(line.hasNul).as("NUL of run %d", run).isEqualTo(expected.hasNul);
                assertThat(line.nameIsAscii).as("name ASCII of run %d", run).isEqualTo(expected.nameIsAscii);
                assertThat(line.valueIsAscii).as("value ASCII of run %d", run).isEqualTo(expected.valueIsAscii);
            }
        }
    }

    @Test
    void utf8_text_agrees_with_a_reporting_charset_decoder_on_every_two_byte_sequence() {
        HeaderLine line = new HeaderLine();
        byte[] array = new byte[2];
        line.bytes = array;
        for (int first = 0; first < 256; first++) {
            array[0] = (byte) first;
            assertThat(line.text(0, 1, false)).as("byte %02x", first).isEqualTo(strictUtf8(array, 0, 1));
            for (int second = 0; second < 256; second++) {
                array[1] = (byte) second;
                assertThat(line.text(0, 2, false))
                        .as("bytes %02x %02x", first, second)
                        .isEqualTo(strictUtf8(array, 0, 2));
            }
        }
    }

    @Test
    void utf8_text_agrees_with_a_reporting_charset_decoder_at_every_boundary_of_three_and_four_byte_sequences() {
        // Every lead byte E0..F7 with each second byte around the continuation range (where the
        // overlong E0 80..9F / F0 80..8F, the surrogates ED A0..BF and past-U+10FFFF F4 90.. live),
        // and the later bytes at the edges of that range: what the random test finds only by chance.
        byte[] edges = {0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0};
        HeaderLine line = new HeaderLine();
        for (int lead = 0xe0; lead <= 0xf7; lead++) {
            for (int second = 0x7f; second <= 0xc0; second++) {
                for (byte third : edges) {
                    byte[] three = {(byte) lead, (byte) second, third};
                    line.bytes = three;
                    assertThat(line.text(0, 3, false))
                            .as("bytes %02x %02x %02x", lead, second, third)
                            .isEqualTo(strictUtf8(three, 0, 3));
                    for (byte fourth : edges) {
                        byte[] four = {(byte) lead, (byte) second, third, fourth};
                        line.bytes = four;
                        assertThat(line.text(0, 4, false))
                                .as("bytes %02x %02x %02x %02x", lead, second, third, fourth)
                                .isEqualTo(strictUtf8(four, 0, 4));
                    }
                }
            }
        }
    }

    @Test
    void utf8_text_agrees_with_a_reporting_charset_decoder_on_random_sequences() {
        byte[] interesting = {
            'a',
            '~',
            (byte) 0x80,
            (byte) 0x8f,
            (byte) 0x90,
            (byte) 0x9f,
            (byte) 0xa0,
            (byte) 0xbf,
            (byte) 0xc0,
            (byte) 0xc1,
            (byte) 0xc2,
            (byte) 0xdf,
            (byte) 0xe0,
            (byte) 0xe1,
            (byte) 0xec,
            (byte) 0xed,
            (byte) 0xee,
            (byte) 0xef,
            (byte) 0xf0,
            (byte) 0xf1,
            (byte) 0xf3,
            (byte) 0xf4,
            (byte) 0xf5,
            (byte) 0xff
        };
        SplittableRandom random = new SplittableRandom(11);
        HeaderLine line = new HeaderLine();
        for (int run = 0; run < 300_000; run++) {
            byte[] array = new byte[3 + random.nextInt(8)];
            for (int i = 0; i < array.length; i++) {
                array[i] = random.nextBoolean()
                        ? interesting[random.nextInt(interesting.length)]
                        : (byte) (0x80 + random.nextInt(0x40));
            }
            line.bytes = array;
            int from = random.nextInt(2);
            assertThat(line.text(from, array.length, false))
                    .as("run %d", run)
                    .isEqualTo(strictUtf8(array, from, array.length));
        }
    }

    @Test
    void utf8_text_decodes_every_length_of_sequence() {
        String text = "José Müller 東京 Ana 🎧 Support Алексей";
        byte[] array = text.getBytes(StandardCharsets.UTF_8);
        HeaderLine line = new HeaderLine();
        line.bytes = array;

        assertThat(line.text(0, array.length, false)).isEqualTo(text);
    }

    private static String strictUtf8(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The scan byte by byte, as the decoder defined it before the word scan. */
    private record Reference(int lf, int end, int colon, boolean hasNul, boolean nameIsAscii, boolean valueIsAscii) {
        static Reference scan(byte[] b, int from, int limit) {
            int lf = -1;
            for (int i = from; i < limit; i++) {
                if (b[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            if (lf < 0) {
                return new Reference(-1, 0, 0, false, false, false);
            }
            int end = lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
            int colon = -1;
            boolean nul = false;
            boolean nameAscii = true;
            boolean valueAscii = true;
            for (int i = from; i < end; i++) {
                nul |= b[i] == 0;
                if (colon < 0 && b[i] == ':') {
                    colon = i;
                } else if (b[i] < 0) {
                    if (colon < 0) {
                        nameAscii = false;
                    } else {
                        valueAscii = false;
                    }
                }
            }
            return new Reference(lf, end, colon, nul, nameAscii, valueAscii);
        }
    }
}
