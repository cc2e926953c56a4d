package io.ucmkit.simulator.config;

/** An IVR number and the prompt it plays (the demo's 7000 "press 1 to acknowledge, 2 to escalate"). */
public record IvrConfig(String number, String prompt) {}
