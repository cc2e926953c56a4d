package io.ucmkit.simulator.admin;

import java.util.Map;

/**
 * One AMI action the simulator received: when, on which session, as whom, its headers (secrets
 * masked; a repeated header's values joined by a line feed), and how it was answered and why.
 */
public record JournalEntry(
        String time,
        String session,
        String user,
        String action,
        Map<String, String> headers,
        String outcome,
        String reason) {}
