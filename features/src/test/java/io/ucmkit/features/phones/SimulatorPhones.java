package io.ucmkit.features.phones;

import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.ChannelInfo;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's phones: answer modes, registration and the person's actions through its admin
 * (in-process or the control API); what a phone shows is read from the simulator's channels.
 */
public final class SimulatorPhones implements Phones {

    private final Admin admin;

    public SimulatorPhones(Admin admin) {
        this.admin = admin;
    }

    @Override
    public void behave(String extension, PhoneBehaviour behaviour) {
        if (behaviour == PhoneBehaviour.NOT_REGISTERED) {
            admin.setRegistered(extension, false);
        } else {
            admin.setAnswerMode(extension, behaviour.simulatorMode());
        }
    }

    @Override
    public void answer(String extension) {
        admin.answer(extension);
    }

    @Override
    public void reject(String extension) {
        admin.decline(extension);
    }

    @Override
    public void hangUp(String extension) {
        admin.hangup(extension);
    }

    @Override
    public void dial(String extension, String number) {
        admin.dial(extension, number);
    }

    @Override
    public void sendDtmf(String extension, String digits) {
        admin.dtmf(extension, digits);
    }

    @Override
    public Optional<CallerId> ringing(String extension) {
        // What a phone shows for an incoming call is the channel's connected line (the INVITE's From; transcript 40:
        // the callee's ConnectedLine is Door 3/Alarm).
        return channelsOf(extension).stream()
                .filter(c -> "Ringing".equals(c.state()))
                .findFirst()
                .map(c -> new CallerId(c.connectedLineName(), c.connectedLineNum()));
    }

    @Override
    public boolean inCall(String extension) {
        return channelsOf(extension).stream().anyMatch(c -> "Up".equals(c.state()));
    }

    @Override
    public boolean hasCall(String extension) {
        return !channelsOf(extension).isEmpty();
    }

    @Override
    public boolean anyCall() {
        return !admin.calls().isEmpty();
    }

    @Override
    public boolean talking(String one, String other) {
        return channelsOf(one).stream()
                .anyMatch(c -> c.bridgedWith() != null && c.bridgedWith().startsWith("PJSIP/" + other + "-"));
    }

    @Override
    public Optional<String> spyMode(String spyer, String spied) {
        return channelsOf(spyer).stream()
                .filter(c -> c.spying() != null && c.spying().startsWith("PJSIP/" + spied + "-"))
                .map(ChannelInfo::spyMode)
                .findFirst();
    }

    /** Every live channel, for failure messages. */
    @Override
    public String toString() {
        return admin.calls().toString();
    }

    private List<ChannelInfo> channelsOf(String extension) {
        return admin.calls().stream()
                .filter(c -> extension.equals(c.extension()))
                .toList();
    }
}
