package io.ucmkit.driver;

import java.time.Instant;

/** An operator's note on the System Asset (New Note command). */
public record Note(String text, String author, Instant time) {}
