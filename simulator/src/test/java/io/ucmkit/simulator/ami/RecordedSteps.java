package io.ucmkit.simulator.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded session as the steps that made the server talk: the client's writes and the phone
 * actions its {@code --- NOTE} lines mark (transcripts 40-47), each with the server bytes recorded
 * after it up to the next step; raw, neither adapted nor masked.
 *
 * @param greeting what the server sent before the first step (the banner)
 * @param steps    in recorded order
 */
record RecordedSteps(String greeting, List<Step> steps) {

    /** A client write ({@code request}) or a phone action ({@code note}, the NOTE's text); the other is null. */
    record Step(String request, String note, String answer) {

        boolean isPhoneAction() {
            return note != null;
        }

        /** How many messages (each ending in a blank line) the server sent after this step. */
        int answerMessages() {
            return answer.split("\r\n\r\n", -1).length - 1;
        }
    }

    static RecordedSteps load(String transcript) {
        byte[] text = resource("/transcripts/" + transcript + ".txt");
        StringBuilder greeting = new StringBuilder();
        List<Step> steps = new ArrayList<>();
        String request = null;
        String note = null;
        StringBuilder answer = greeting;
        int at = 0;
        while (at < text.length) {
            int eol = indexOfLf(text, at);
            String line = new String(text, at, eol - at, StandardCharsets.UTF_8);
            at = eol + 1;
            boolean write = line.startsWith("--- C>S ");
            if (write || line.startsWith("--- NOTE ")) {
                if (answer != greeting) {
                    steps.add(new Step(request, note, answer.toString()));
                }
                answer = new StringBuilder();
                request = null;
                note = null;
            }
            if (write || line.startsWith("--- S>C ")) {
                int count = Integer.parseInt(line.split(" ")[3]);
                String bytes = new String(text, at, count, StandardCharsets.UTF_8);
                at += count + 1;
                if (write) {
                    request = bytes;
                } else {
                    answer.append(bytes);
                }
            } else if (line.startsWith("--- NOTE ")) {
                note = line.substring(line.indexOf(' ', "--- NOTE ".length()) + 1); // after the "+T" time
            }
        }
        if (answer != greeting) {
            steps.add(new Step(request, note, answer.toString()));
        }
        return new RecordedSteps(greeting.toString(), steps);
    }

    /** Every server byte after the greeting, in order. */
    String answers() {
        StringBuilder out = new StringBuilder();
        steps.forEach(s -> out.append(s.answer()));
        return out.toString();
    }

    private static int indexOfLf(byte[] text, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == '\n') {
                return i;
            }
        }
        return text.length;
    }

    private static byte[] resource(String path) {
        try (InputStream in = RecordedSteps.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
