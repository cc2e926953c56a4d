package io.ucmkit.ami;

/** One {@code Name: value} line of a message, without its CRLF. */
public record AmiHeader(String name, String value) {

    public AmiHeader {
        AmiHeaders.requireValidName(name);
        AmiHeaders.requireValidValue(name, value);
    }

    @Override
    public String toString() {
        return name + ": " + AmiHeaders.masked(name, value);
    }
}
