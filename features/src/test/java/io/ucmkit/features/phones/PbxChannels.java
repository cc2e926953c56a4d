package io.ucmkit.features.phones;

import io.ucmkit.features.wire.Target;
import io.ucmkit.features.wire.WireMessage;
import io.ucmkit.features.wire.WireView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a phone cannot tell but the PBX can: the live channels (CoreShowChannels), e.g. which
 * channel runs ChanSpy on whom and which two are bridged, and presence values (Setvar/PresenceState)
 * — each a short AMI session of its own as the target's user.
 */
public final class PbxChannels {

    private static final Duration ANSWER = Duration.ofSeconds(10);

    /** One row of CoreShowChannels. */
    public record Channel(String name, String state, String application, String data, String bridgeId) {

        String extension() {
            // PJSIP/1003-0000001a
            int slash = name.indexOf('/');
            int dash = name.lastIndexOf('-');
            return slash < 0 || dash < slash ? "" : name.substring(slash + 1, dash);
        }
    }

    private final Target target;

    public PbxChannels(Target target) {
        this.target = target;
    }

    Target target() {
        return target;
    }

    public List<Channel> channels() {
        return session(client -> {
            client.sendMessage("Action: CoreShowChannels\nActionID: ucmkit-channels");
            expectSuccess(client.nextResponse(ANSWER), "CoreShowChannels");
            client.awaitEvent(e -> "CoreShowChannelsComplete".equalsIgnoreCase(e.get("Event")), ANSWER);
            List<Channel> channels = new ArrayList<>();
            for (WireMessage e : client.events()) {
                if ("CoreShowChannel".equalsIgnoreCase(e.get("Event"))) {
                    channels.add(new Channel(
                            e.get("Channel"),
                            e.get("ChannelStateDesc"),
                            e.get("Application"),
                            e.get("ApplicationData"),
                            e.get("BridgeId")));
                }
            }
            return channels;
        });
    }

    /** Runs a CLI command (Action: Command) and returns its answer; an error answer throws. */
    public String command(String cli) {
        return session(client -> {
            client.sendMessage("Action: Command\nActionID: ucmkit-command\nCommand: " + cli);
            WireMessage answer = client.nextResponse(ANSWER);
            expectSuccess(answer, "Command " + cli);
            return answer.toString();
        });
    }

    /**
     * {@code core restart now}, as the administrator types it: Asterisk closes every AMI session as
     * it goes down (it may not answer the command first), so the end of this one is what is awaited.
     */
    public void restartNow() {
        try (WireView client = WireView.connect(target.host(), target.port())) {
            client.banner(ANSWER);
            client.sendMessage("Action: Login\nActionID: ucmkit-login\nUsername: " + target.username() + "\nSecret: "
                    + target.password() + "\nEvents: off");
            expectSuccess(client.nextResponse(ANSWER), "Login as " + target.username());
            client.sendMessage("Action: Command\nActionID: ucmkit-restart\nCommand: core restart now");
            if (!client.awaitClosedByPeer(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the PBX did not go down within 60 s of 'core restart now'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("AMI at " + target + " unreachable", e);
        } catch (Exception e) {
            throw new IllegalStateException("restarting the PBX at " + target + ": " + e, e);
        }
    }

    /** A device's state as DEVICE_STATE() reads it, e.g. {@code NOT_INUSE}, {@code UNAVAILABLE}. */
    public String deviceState(String device) {
        return session(client -> {
            client.sendMessage("Action: Getvar\nActionID: ucmkit-getvar\nVariable: DEVICE_STATE(" + device + ")");
            WireMessage answer = client.nextResponse(ANSWER);
            expectSuccess(answer, "Getvar DEVICE_STATE(" + device + ")");
            return nonNull(answer.get("Value"));
        });
    }

    /** The state of each extension's PJSIP device, read in one session. */
    public Map<String, String> deviceStates(Collection<String> extensions) {
        return session(client -> {
            Map<String, String> states = new LinkedHashMap<>();
            for (String extension : extensions) {
                client.sendMessage(
                        "Action: Getvar\nActionID: ucmkit-getvar\nVariable: DEVICE_STATE(PJSIP/" + extension + ")");
                WireMessage answer = client.nextResponse(ANSWER);
                expectSuccess(answer, "Getvar DEVICE_STATE(PJSIP/" + extension + ")");
                states.put(extension, nonNull(answer.get("Value")));
            }
            return states;
        });
    }

    /** Sets global or function variables, e.g. {@code PRESENCE_STATE(CustomPresence:1002)}, in one AMI session. */
    public void setVariables(Map<String, String> values) {
        session(client -> {
            for (Map.Entry<String, String> value : values.entrySet()) {
                client.sendMessage("Action: Setvar\nActionID: ucmkit-setvar\nVariable: " + value.getKey() + "\nValue: "
                        + value.getValue());
                expectSuccess(client.nextResponse(ANSWER), "Setvar " + value.getKey());
            }
            return null;
        });
    }

    /** The presence provider's value as PresenceState answers it: status, subtype, message. */
    public String[] presence(String provider) {
        return session(client -> {
            client.sendMessage("Action: PresenceState\nActionID: ucmkit-presence\nProvider: " + provider);
            WireMessage answer = client.nextResponse(ANSWER);
            expectSuccess(answer, "PresenceState " + provider);
            return new String[] {
                nonNull(answer.get("State")), nonNull(answer.get("Subtype")), nonNull(answer.get("Message"))
            };
        });
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private interface Conversation<T> {
        T run(WireView client) throws Exception;
    }

    private <T> T session(Conversation<T> conversation) {
        try (WireView client = WireView.connect(target.host(), target.port())) {
            client.banner(ANSWER);
            client.sendMessage("Action: Login\nActionID: ucmkit-login\nUsername: " + target.username() + "\nSecret: "
                    + target.password() + "\nEvents: off");
            expectSuccess(client.nextResponse(ANSWER), "Login as " + target.username());
            T result = conversation.run(client);
            client.sendMessage("Action: Logoff");
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("AMI at " + target + " unreachable", e);
        } catch (RuntimeException | AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("AMI at " + target + ": " + e, e);
        }
    }

    private static void expectSuccess(WireMessage answer, String what) {
        if (!"Success".equalsIgnoreCase(answer.get("Response"))) {
            throw new IllegalStateException(what + " failed: " + answer);
        }
    }
}
