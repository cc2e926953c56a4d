package io.ucmkit.simulator.call;

/** An application on a channel (IVR, presence prompt, feature-code prompt) that reads keys. */
@FunctionalInterface
interface DigitListener {
    void digit(SimChannel channel, char digit);
}
