package io.ucmkit.simulator.http;

import java.util.List;

/** A 400 about one body field: the message, the field, and what it allows when that is a list of values. */
final class BadRequest extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    final String field;
    final List<String> allowed;

    BadRequest(String message, String field, List<String> allowed) {
        super(message);
        this.field = field;
        this.allowed = allowed == null ? null : List.copyOf(allowed);
    }
}
