package io.ucmkit.simulator.call;

import java.util.Locale;

/**
 * A channel running {@code ChanSpy([chanprefix][,options])} (docs/ami.md §6.1). The spyee is null while
 * no channel matches: ChanSpy keeps scanning (no ChanSpyStart) until one appears or the spyer ends.
 */
final class Spy {

    enum Mode {
        LISTEN,
        WHISPER,
        BARGE
    }

    final SimChannel spyer;
    final String spec;
    final Mode mode;
    final boolean quiet;
    final boolean exitWithTarget;
    final boolean exact;
    SimChannel spyee;

    private Spy(SimChannel spyer, String spec, Mode mode, boolean quiet, boolean exitWithTarget, boolean exact) {
        this.spyer = spyer;
        this.spec = spec;
        this.mode = mode;
        this.quiet = quiet;
        this.exitWithTarget = exitWithTarget;
        this.exact = exact;
    }

    /**
     * Parses the ChanSpy data {@code <prefix or name>,<options>}: {@code B} barge (talk to both),
     * {@code w} whisper (talk to the spied channel), neither = listen; {@code q} quiet, {@code E}
     * exit when the spied channel hangs up, {@code u} the spec is a full name or uniqueid. Options
     * with arguments ({@code v(2)}, {@code g(x)}) are skipped.
     */
    static Spy parse(SimChannel spyer, String data) {
        String d = data == null ? "" : data;
        int comma = d.indexOf(',');
        String spec = (comma < 0 ? d : d.substring(0, comma)).trim();
        String opts = comma < 0 ? "" : d.substring(comma + 1);
        Mode mode = Mode.LISTEN;
        boolean q = false;
        boolean e = false;
        boolean u = false;
        int depth = 0;
        for (char c : opts.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                switch (c) {
                    case 'B' -> mode = Mode.BARGE;
                    case 'w', 'W' -> mode = mode == Mode.BARGE ? Mode.BARGE : Mode.WHISPER;
                    case 'q' -> q = true;
                    case 'E' -> e = true;
                    case 'u' -> u = true;
                    default -> {}
                }
            }
        }
        return new Spy(spyer, spec, mode, q, e, u);
    }

    /**
     * ChanSpy's match: with {@code u} the full channel name or the uniqueid; otherwise the start of
     * the channel name, case-insensitively — so {@code PJSIP/100} also matches {@code PJSIP/1000-…},
     * which is why the driver sends {@code PJSIP/1000-} (docs/ami.md §6.1). An empty spec matches all.
     */
    boolean matches(SimChannel candidate) {
        if (candidate == spyer || candidate.hungUp()) {
            return false;
        }
        if (exact) {
            return candidate.name.equals(spec) || candidate.uniqueid.equals(spec);
        }
        return candidate.name.toLowerCase(Locale.ROOT).startsWith(spec.toLowerCase(Locale.ROOT));
    }
}
