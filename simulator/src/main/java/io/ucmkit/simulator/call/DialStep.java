package io.ucmkit.simulator.call;

/**
 * A {@code Dial()} running on its caller's leg ({@code exten => _10XX,1,Dial(PJSIP/${EXTEN},60)},
 * then {@code same => n,Hangup()}): when it started, when the callee rang and answered — what app_dial
 * sets DIALEDTIME, RINGTIME and ANSWEREDTIME from — and the priority the dialplan goes on at when
 * Dial returns without a bridge.
 */
final class DialStep {

    final long startedMillis;
    final int nextPriority;
    long ringingMillis = -1;
    long answeredMillis = -1;

    DialStep(long startedMillis, int nextPriority) {
        this.startedMillis = startedMillis;
        this.nextPriority = nextPriority;
    }
}
