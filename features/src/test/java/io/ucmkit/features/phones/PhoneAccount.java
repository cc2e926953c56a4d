package io.ucmkit.features.phones;

/** A SIP account of a test extension; {@link #toString()} never shows the password. */
public record PhoneAccount(String extension, String authUser, String password) {

    public PhoneAccount {
        if (!extension.matches("\\d{2,10}")) {
            throw new IllegalArgumentException("a phone's extension must be 2 to 10 digits, was '" + extension + "'");
        }
        if (password.isEmpty() || password.matches(".*[;>\\s].*")) {
            throw new IllegalArgumentException(
                    "the SIP password of extension " + extension + " must be non-empty, without spaces, ';' or '>'");
        }
    }

    @Override
    public String toString() {
        return extension + " (auth user " + authUser + ", password ********)";
    }
}
