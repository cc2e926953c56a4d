package io.ucmkit.simulator.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client and the phones did in a PJSIP recording (transcripts 40–47), in recorded time:
 * each client write ({@code --- C>S +T}) and each phone action the recorder noted
 * ({@code --- NOTE +T phone 1000: accept|reject|hangup|dial N|dtmf D}, also {@code stop}/{@code start}
 * for a phone's un-REGISTER and REGISTER). A replay performs them in this order, with the
 * simulator's manual clock moved to each step's time first.
 */
record RecordedTimeline(String transcript, List<Step> steps) {

    /** One thing that happened at {@code millis} after the recording started. */
    sealed interface Step permits ClientWrite, PhoneAction {
        long millis();
    }

    /** The client sent {@code bytes} (raw: not adapted). */
    record ClientWrite(long millis, String bytes) implements Step {}

    /** Phone {@code ext} did {@code verb} (accept, reject, hangup, dial, dtmf, stop, start) with {@code argument}. */
    record PhoneAction(long millis, String ext, String verb, String argument) implements Step {}

    private static final Pattern MARK = Pattern.compile("^--- (C>S|S>C|NOTE) \\+(\\d+)\\.(\\d{3})s (.*)$");
    private static final Pattern PHONE = Pattern.compile("phone (\\d+): (\\w+)(?: (.+))?");

    static RecordedTimeline of(String transcript) {
        byte[] text = resource(transcript);
        List<Step> steps = new ArrayList<>();
        int at = 0;
        while (at < text.length) {
            int eol = indexOf(text, at);
            String line = new String(text, at, eol - at, StandardCharsets.UTF_8);
            at = Math.min(text.length, eol + 1);
            Matcher m = MARK.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long millis = Long.parseLong(m.group(2)) * 1000 + Long.parseLong(m.group(3));
            switch (m.group(1)) {
                case "NOTE" -> {
                    Matcher p = PHONE.matcher(m.group(4));
                    if (p.matches()) {
                        steps.add(new PhoneAction(millis, p.group(1), p.group(2), p.group(3)));
                    }
                }
                default -> {
                    int count = Integer.parseInt(m.group(4).split(" ")[0]);
                    if (m.group(1).equals("C>S")) {
                        steps.add(new ClientWrite(millis, new String(text, at, count, StandardCharsets.UTF_8)));
                    }
                    at += count + 1;
                }
            }
        }
        return new RecordedTimeline(transcript, List.copyOf(steps));
    }

    private static byte[] resource(String transcript) {
        try (var in = RecordedTimeline.class.getResourceAsStream("/transcripts/" + transcript + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + transcript + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] text, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == '\n') {
                return i;
            }
        }
        return text.length;
    }
}
