package io.ucmkit.ami.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded real-Asterisk session from {@code transcripts/} on the test classpath (tests read
 * nothing outside it).
 *
 * @param name   e.g. {@code 04_ping}
 * @param chunks the recorded reads and writes in order, as the {@code NAME.txt} file has them
 */
public record Transcript(String name, List<Chunk> chunks) {

    /** Which way a chunk went. */
    public enum Direction {
        CLIENT_TO_SERVER,
        SERVER_TO_CLIENT
    }

    /** One recv() (server to client) or one write (client to server): exact bytes. */
    public record Chunk(Direction direction, byte[] bytes) {}

    /** Every transcript, in file-name order. */
    public static List<Transcript> all() {
        List<Transcript> all = new ArrayList<>();
        for (String line : new String(resource("index.txt"), StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                all.add(load(line.trim()));
            }
        }
        return all;
    }

    /** One transcript by name ({@code 09_originate_dtmf}). */
    public static Transcript load(String name) {
        return new Transcript(name, parseChunks(resource(name + ".txt")));
    }

    /** The exact bytes the server sent, all of them ({@code raw/NAME.s2c.bin}). */
    public byte[] serverToClient() {
        return resource("raw/" + name + ".s2c.bin");
    }

    /** The exact bytes the client sent, all of them ({@code raw/NAME.c2s.bin}). */
    public byte[] clientToServer() {
        return resource("raw/" + name + ".c2s.bin");
    }

    public List<Chunk> chunks(Direction direction) {
        return chunks.stream().filter(c -> c.direction() == direction).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    /** The format: '--- S>C +0.000s 29 bytes' (LF), exactly 29 raw bytes, one LF. */
    private static List<Chunk> parseChunks(byte[] text) {
        List<Chunk> chunks = new ArrayList<>();
        int at = 0;
        while (at < text.length) {
            int eol = indexOf(text, (byte) '\n', at);
            String line = new String(text, at, (eol < 0 ? text.length : eol) - at, StandardCharsets.UTF_8);
            at = eol < 0 ? text.length : eol + 1;
            if (!line.startsWith("--- C>S ") && !line.startsWith("--- S>C ")) {
                continue;
            }
            String[] words = line.split(" ");
            int count = Integer.parseInt(words[3]);
            Direction direction = words[1].equals("C>S") ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
            byte[] bytes = new byte[count];
            System.arraycopy(text, at, bytes, 0, count);
            chunks.add(new Chunk(direction, bytes));
            at += count + 1;
        }
        return chunks;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] resource(String path) {
        try (InputStream in = Transcript.class.getResourceAsStream("/transcripts/" + path)) {
            if (in == null) {
                throw new IllegalStateException("transcripts/" + path + " is not on the test classpath:"
                        + " add the ucmkit-ami test-jar as a test dependency");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
