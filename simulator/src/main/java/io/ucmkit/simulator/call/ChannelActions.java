package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * AMI actions on channels — Hangup, Status, CoreShowChannels, PlayDTMF, Getvar/Setvar with a
 * Channel, {@code core show channels} — with the texts and list framing of AMI.md §3.3–3.5, §3.10
 * and transcripts 19, 20, 26. Redirect is {@link Redirector}.
 */
final class ChannelActions {

    /** DurationMs of a key press (transcript 09: {@code DurationMs: 100}). */
    static final int DTMF_MS = 100;

    private final CallEngine engine;

    ChannelActions(CallEngine engine) {
        this.engine = engine;
    }

    static AmiMessage success(AmiMessage action, String message) {
        return response(action, "Success").add("Message", message).build();
    }

    static AmiMessage error(AmiMessage action, String message) {
        return response(action, "Error").add("Message", message).build();
    }

    private static AmiMessage.Builder response(AmiMessage action, String response) {
        return AmiMessage.builder().add("Response", response).addActionId(action.actionId());
    }

    private static AmiMessage listStart(AmiMessage action, String message) {
        return response(action, "Success")
                .add("EventList", "start")
                .add("Message", message)
                .build();
    }

    /** A list item or the list's end: {@code Event} then the ActionID (AMI.md §1.3). */
    private static AmiMessage.Builder listEvent(AmiMessage action, String event) {
        return AmiMessage.builder().add("Event", event).addActionId(action.actionId());
    }

    private static AmiMessage.Builder listComplete(AmiMessage action, String event, int items) {
        return listEvent(action, event).add("EventList", "Complete").add("ListItems", Integer.toString(items));
    }

    /** A key on {@code leg}: Received there (and fed to its app), Sent on the bridged peer. */
    void pressKey(SimChannel leg, char digit, int durationMs) {
        SimChannel peer = CallEngine.peerOf(leg);
        engine.emit(CallEvents.dtmfBegin(leg, digit, "Received"));
        if (peer != null) {
            engine.emit(CallEvents.dtmfBegin(peer, digit, "Sent"));
        }
        engine.emit(CallEvents.dtmfEnd(leg, digit, durationMs, "Received"));
        if (peer != null) {
            engine.emit(CallEvents.dtmfEnd(peer, digit, durationMs, "Sent"));
        }
        if (leg.app != null) {
            leg.app.digit(leg, digit);
        }
    }

    /**
     * Hangup by name, or {@code /regex/} answered as a list of ChannelHungup items, newest channel
     * first, ActionID last (transcript 26). No HangupRequest is published (surprise 26).
     */
    List<AmiMessage> hangup(AmiMessage action) {
        String name = action.getNonEmpty("Channel");
        if (name == null) {
            return List.of(error(action, "No channel specified"));
        }
        int cause = parseCause(action.get("Cause"));
        synchronized (engine) {
            if (name.length() > 1 && name.startsWith("/") && name.endsWith("/")) {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(name.substring(1, name.length() - 1));
                } catch (PatternSyntaxException e) {
                    return List.of(error(action, "Regex compile failed on: " + name));
                }
                List<SimChannel> matched = new ArrayList<>();
                for (SimChannel c : engine.channels()) {
                    if (pattern.matcher(c.name).find()) {
                        matched.add(0, c);
                    }
                }
                List<AmiMessage> out = new ArrayList<>();
                out.add(listStart(action, "Channels hung up will follow"));
                for (SimChannel c : matched) {
                    // ActionID after Channel here (transcript 26), unlike the other list items.
                    AmiMessage.Builder item =
                            AmiMessage.builder().add("Event", "ChannelHungup").add("Channel", c.name);
                    out.add(item.addActionId(action.actionId()).build());
                }
                out.add(listComplete(action, "ChannelsHungupListComplete", matched.size())
                        .build());
                for (SimChannel c : matched) {
                    engine.hangup(c, cause, false);
                }
                return out;
            }
            SimChannel c = engine.channel(name).orElse(null);
            if (c == null) {
                return List.of(error(action, "No such channel"));
            }
            engine.hangup(c, cause, false);
            return List.of(success(action, "Channel Hungup"));
        }
    }

    /** {@code Cause} 0–127; anything else is logged by Asterisk and treated as 0. */
    private static int parseCause(String cause) {
        if (cause == null || cause.isBlank()) {
            return 0;
        }
        try {
            int c = Integer.parseInt(cause.trim());
            return c < 0 || c > 127 ? 0 : c;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Status (AMI.md §3.4, transcript 20): {@code Privilege: Call}, the requested {@code Variables},
     * every channel variable with {@code AllVariables: true}, ActionID last, Items in the end.
     */
    List<AmiMessage> status(AmiMessage action) {
        String name = action.getNonEmpty("Channel");
        synchronized (engine) {
            List<SimChannel> selected;
            if (name == null) {
                selected = engine.channels();
            } else {
                SimChannel c = engine.channel(name).orElse(null);
                if (c == null) {
                    return List.of(error(action, "No such channel"));
                }
                selected = List.of(c);
            }
            String vars = action.get("Variables", "");
            boolean allVariables = astTrue(action.get("AllVariables", ""));
            List<AmiMessage> out = new ArrayList<>();
            out.add(listStart(action, "Channel status will follow"));
            long now = engine.clock.currentTimeMillis();
            for (SimChannel c : selected) {
                AmiMessage.Builder b = CallEvents.snapshot(
                        AmiMessage.builder().add("Event", "Status").add("Privilege", "Call"), "", c);
                b.add("Type", c.name.substring(0, c.name.indexOf('/')))
                        .add("DNID", "")
                        .add("EffectiveConnectedLineNum", CallEvents.unknown(c.connected.number()))
                        .add("EffectiveConnectedLineName", CallEvents.unknown(c.connected.name()))
                        .add("TimeToHangup", "0")
                        .add("BridgeID", c.bridge == null ? "" : c.bridge.uniqueid)
                        .add("Application", c.application)
                        .add("Data", c.appData)
                        .add("Nativeformats", "(ulaw)")
                        .add("Readformat", "ulaw")
                        .add("Readtrans", "")
                        .add("Writeformat", "ulaw")
                        .add("Writetrans", "")
                        .add("Callgroup", "0")
                        .add("Pickupgroup", "0")
                        .add("Seconds", Long.toString((now - c.createdMillis) / 1000));
                for (String v : vars.split(",")) {
                    if (!v.isBlank()) {
                        b.add("Variable", v.trim() + "=" + variable(c, v.trim()));
                    }
                }
                if (allVariables) {
                    // generate_status walks the channel's list, where the newest variable is first.
                    List<Map.Entry<String, String>> set = new ArrayList<>(c.variables.entrySet());
                    for (int i = set.size() - 1; i >= 0; i--) {
                        b.add("Variable", set.get(i).getKey() + "=" + set.get(i).getValue());
                    }
                }
                out.add(b.addActionId(action.actionId()).build());
            }
            out.add(listComplete(action, "StatusComplete", selected.size())
                    .add("Items", Integer.toString(selected.size()))
                    .build());
            return out;
        }
    }

    /** {@code ast_true}: yes, true, y, t, 1 or on, in any case. */
    static boolean astTrue(String value) {
        return List.of("yes", "true", "y", "t", "1", "on").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** Channel variables plus the {@code CALLERID()} function (transcript 20). */
    private static String variable(SimChannel c, String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID(ALL)" -> c.caller.all();
            case "CALLERID(NUM)" -> c.caller.number() == null ? "" : c.caller.number();
            case "CALLERID(NAME)" -> c.caller.name() == null ? "" : c.caller.name();
            default -> c.variables.getOrDefault(name, "");
        };
    }

    /** CoreShowChannels (AMI.md §3.5, transcript 19): ActionID right after Event. */
    List<AmiMessage> coreShowChannels(AmiMessage action) {
        synchronized (engine) {
            List<AmiMessage> out = new ArrayList<>();
            out.add(listStart(action, "Channels will follow"));
            long now = engine.clock.currentTimeMillis();
            List<SimChannel> all = engine.channels();
            for (SimChannel c : all) {
                AmiMessage.Builder b = listEvent(action, "CoreShowChannel");
                CallEvents.snapshot(b, "", c)
                        .add("Application", c.application)
                        .add("ApplicationData", c.appData)
                        .add("Duration", hms((now - c.createdMillis) / 1000))
                        .add("BridgeId", c.bridge == null ? "" : c.bridge.uniqueid);
                out.add(b.build());
            }
            out.add(listComplete(action, "CoreShowChannelsComplete", all.size()).build());
            return out;
        }
    }

    private static String hms(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /** PlayDTMF (AMI.md §3.10): Sent on the channel, or Received (and read by its app) with {@code Receive}. */
    List<AmiMessage> playDtmf(AmiMessage action) {
        synchronized (engine) {
            SimChannel c = engine.channel(action.get("Channel", "")).orElse(null);
            if (c == null) {
                return List.of(error(action, "Channel not found"));
            }
            String digit = action.getNonEmpty("Digit");
            if (digit == null) {
                return List.of(error(action, "No digit specified"));
            }
            String durationText = action.getNonEmpty("Duration");
            int duration = DTMF_MS;
            if (durationText != null) {
                try {
                    duration = Integer.parseUnsignedInt(durationText.trim());
                } catch (NumberFormatException e) {
                    return List.of(error(action, "Could not convert Duration parameter"));
                }
            }
            char d = digit.charAt(0);
            if (astTrue(action.get("Receive", ""))) {
                pressKey(c, d, duration);
            } else {
                engine.emit(CallEvents.dtmfBegin(c, d, "Sent"));
                engine.emit(CallEvents.dtmfEnd(c, d, duration, "Sent"));
            }
            return List.of(success(action, "DTMF successfully queued"));
        }
    }

    /** Getvar with a Channel: the Variable header is checked before the channel (manager.c action_getvar). */
    List<AmiMessage> getvar(AmiMessage action) {
        String name = action.getNonEmpty("Variable");
        if (name == null) {
            return List.of(error(action, "No variable specified"));
        }
        synchronized (engine) {
            SimChannel c = engine.channel(action.get("Channel", "")).orElse(null);
            if (c == null) {
                return List.of(error(action, "No such channel"));
            }
            return List.of(response(action, "Success")
                    .add("Variable", name)
                    .add("Value", variable(c, name))
                    .build());
        }
    }

    /** Setvar with a Channel: Variable first, then the channel; no Value sets "" (manager.c action_setvar). */
    List<AmiMessage> setvar(AmiMessage action) {
        String name = action.getNonEmpty("Variable");
        if (name == null) {
            return List.of(error(action, "No variable specified"));
        }
        synchronized (engine) {
            SimChannel c = engine.channel(action.get("Channel", "")).orElse(null);
            if (c == null) {
                return List.of(error(action, "No such channel"));
            }
            String value = action.get("Value", "");
            // pbx_builtin_setvar_helper deletes the old value and adds the new one at the list's head.
            c.variables.remove(name);
            c.variables.put(name, value);
            engine.emit(CallEvents.varSet(c, name, value));
            return List.of(success(action, "Variable Set"));
        }
    }

    /** {@code core show channels} as Asterisk 20's CLI prints it ({@code main/cli.c handle_chanlist}). */
    List<String> coreShowChannelsCli() {
        synchronized (engine) {
            String format = "%-64.64s %-32.32s %-7.7s %-30.30s";
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, format, "Channel", "Location", "State", "Application(Data)"));
            List<SimChannel> all = engine.channels();
            java.util.Set<String> calls = new java.util.HashSet<>();
            for (SimChannel c : all) {
                calls.add(c.linkedid);
                lines.add(String.format(
                        Locale.ROOT,
                        format,
                        c.name,
                        c.exten + "@" + c.context + ":" + c.priority,
                        c.state.text,
                        c.application.isEmpty() ? "(None)" : c.application + "(" + c.appData + ")"));
            }
            lines.add(all.size() + " active channel" + (all.size() == 1 ? "" : "s"));
            lines.add(calls.size() + " active call" + (calls.size() == 1 ? "" : "s"));
            lines.add(engine.callsProcessed + " call" + (engine.callsProcessed == 1 ? "" : "s") + " processed");
            return lines;
        }
    }
}
