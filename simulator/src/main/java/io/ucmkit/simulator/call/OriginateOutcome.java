package io.ucmkit.simulator.call;

/**
 * How an Originate ended: the source phone answered ({@code success}, reason 4) or the attempt failed
 * with {@code pbx_dial_reason}'s reason (0, or 3 for a ring timeout). What the sync form answers and
 * the Async form's OriginateResponse carries.
 */
public record OriginateOutcome(boolean success, int reason) {}
