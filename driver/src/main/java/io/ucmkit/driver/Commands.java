package io.ucmkit.driver;

/** Parameter checks shared by the commands; messages name the parameter. */
final class Commands {

    private Commands() {}

    static void requireExtension(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
        if (!Channels.isNumeric(value) || value.length() > 15) {
            throw invalid(name + " must be a numeric extension (digits only), was '" + value + "'");
        }
    }

    static void requireText(String name, String value, String forbidden) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || forbidden.indexOf(c) >= 0) {
                throw invalid(name + " must not contain line breaks or any of " + forbidden + ", was '"
                        + value.replaceAll("[\\r\\n\\x00]", " ") + "'");
            }
        }
    }

    private static DriverException invalid(String message) {
        return new DriverException(DriverException.Kind.INVALID_REQUEST, message);
    }
}
