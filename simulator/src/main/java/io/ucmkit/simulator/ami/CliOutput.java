package io.ucmkit.simulator.ami;

/** The text of one CLI command run through the Command action, and whether the CLI reported failure. */
record CliOutput(String text, boolean failed) {}
