package io.ucmkit.simulator.ami;

/**
 * One AMI action (GreenMail style: one small class per verb). The registry checks the user's
 * write classes against {@link #privilege()} before calling {@link #handle} — any shared bit
 * suffices, 0 means none required (Asterisk {@code process_message}). A handler writes exactly one
 * response (or a list) through the context; events it causes are published on the PBX's
 * {@code EventBus} and reach the session after that response.
 */
public interface ActionHandler {

    /** The action name as ListCommands prints it, e.g. {@code ExtensionState}. */
    String action();

    /** ListCommands synopsis, exactly as Asterisk prints it (transcript 25). */
    String synopsis();

    /** Required write class mask (Privileges bits); 0 = none. */
    int privilege();

    /** True for actions allowed before authentication (Login, Logoff, Challenge). */
    default boolean allowedUnauthenticated() {
        return false;
    }

    void handle(ActionContext context);
}
