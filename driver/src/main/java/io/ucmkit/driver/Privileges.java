package io.ucmkit.driver;

/**
 * What the AMI user may do, as ListCommands told right after the login. ListCommands lists only the actions the
 * user may write (manager.c {@code action_listcommands} checks {@code writeperm}), so it tells us without side
 * effects whether Originate (class originate) and Redirect (class call) are allowed. If it cannot be read, the
 * privileges are {@link #UNKNOWN} and the first refused Originate reports the same.
 *
 * @param known     whether ListCommands answered
 * @param originate Originate is offered: Call Phone and Barge can work
 * @param call      Redirect or Setvar is offered: channel actions can work
 */
record Privileges(boolean known, boolean originate, boolean call) {

    /** ListCommands did not answer: nothing is assumed missing. */
    static final Privileges UNKNOWN = new Privileges(false, false, false);

    /** From a successful ListCommands answer: one header per action offered. */
    static Privileges listed(AmiResponse listCommands) {
        var offered = listCommands.response();
        return new Privileges(true, offered.has("Originate"), offered.has("Redirect") || offered.has("Setvar"));
    }

    /** Why the asset is Fault because of a missing privilege of {@code username}, or null when none is missing. */
    String problem(String username) {
        if (!known || (originate && call)) {
            return null;
        }
        String missing = !originate && !call
                ? "originate and call privileges"
                : !originate ? "originate privilege" : "call privilege";
        return "AMI user '" + username + "' lacks the " + missing + ": "
                + (!originate
                        ? "Originate is not among the actions ListCommands offers it (Call Phone and Barge need it)"
                        : "neither Redirect nor Setvar is offered (channel actions need call)");
    }
}
