package io.ucmkit.simulator.ami;

/**
 * What one AMI action does (GreenMail style: one small class per verb). The registry pairs it with
 * its {@link ActionSpec} and checks the user's write classes before calling {@link #handle}. A
 * handler writes exactly one response (or a list) through the context; events it causes are
 * published on the PBX's event bus and reach the session after that response.
 */
@FunctionalInterface
public interface ActionHandler {

    void handle(ActionContext context);
}
