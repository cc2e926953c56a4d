package io.ucmkit.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListCommands, CoreStatus, Command and lists on the default demo PBX (Asterisk 20 style). */
class CommandsIT {

    @RegisterExtension
    static UcmSimulatorExtension sim = new UcmSimulatorExtension();

    private String exchange(String user, String secret, String actions) throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: off\r\n\r\n" + actions
                    + "Action: Logoff\r\n\r\n");
            return c.textUntilClosed();
        }
    }

    @Test
    void list_commands_shows_only_what_the_user_may_run_with_asterisk_synopses() throws Exception {
        String admin = exchange("amiadmin", "amiadmin1", "Action: ListCommands\r\n\r\n");
        assertThat(admin)
                .contains(
                        "Command: Execute Asterisk CLI Command.  (Priv: command,all)\r\n",
                        "PresenceState: Check Presence State  (Priv: call,reporting,all)\r\n",
                        "Ping: Keepalive command.  (Priv: <none>)\r\n");
        String reader = exchange("amireader", "amireader1", "Action: ListCommands\r\n\r\n");
        assertThat(reader)
                .contains("Setvar: Sets a channel variable or function value.  (Priv: call,all)")
                .doesNotContain("Command: Execute");
    }

    @Test
    void unknown_cli_commands_and_a_missing_command_are_errors() throws Exception {
        String out = exchange(
                "amiadmin",
                "amiadmin1",
                "Action: Command\r\nCommand: no such cli command\r\n\r\n"
                        + "Action: Command\r\n\r\nAction: Command\r\nCommand: core show channels\r\n\r\n");
        assertThat(out)
                .contains(
                        "Response: Error\r\nMessage: Command output follows\r\nOutput: No such command 'no such cli command' "
                                + "(type 'core show help no such' for other possible commands)\r\n\r\n");
        assertThat(out).contains("Response: Error\r\nMessage: No command provided\r\n\r\n");
        assertThat(out)
                .contains("Output: 0 active channels\r\nOutput: 0 active calls\r\nOutput: 0 calls processed\r\n\r\n");
    }

    @Test
    void presence_and_device_state_lists_cover_every_extension_and_an_unregistered_phone_is_unavailable()
            throws Exception {
        String out = exchange(
                "amiadmin",
                "amiadmin1",
                "Action: PresenceStateList\r\nActionID: p\r\n\r\n"
                        + "Action: DeviceStateList\r\nActionID: d\r\n\r\nAction: CoreStatus\r\n\r\n");
        assertThat(out)
                .contains(
                        "Event: PresenceStateListComplete\r\nActionID: p\r\nEventList: Complete\r\nListItems: 10\r\n\r\n");
        assertThat(out)
                .contains(
                        "Event: DeviceStateChange\r\nActionID: d\r\nDevice: PJSIP/1009\r\nState: UNAVAILABLE\r\n\r\n");
        assertThat(out)
                .containsPattern("CoreStartupDate: \\d{4}-\\d{2}-\\d{2}\r\nCoreStartupTime: \\d{2}:\\d{2}:\\d{2}\r\n");
    }

    @Test
    void presence_set_through_the_cli_reaches_presence_state() throws Exception {
        String out = exchange(
                "amiadmin",
                "amiadmin1",
                "Action: Command\r\nCommand: presencestate change CustomPresence:1004 \"DND,,Lunch\"\r\n\r\n"
                        + "Action: PresenceState\r\nProvider: CustomPresence:1004\r\n\r\n");
        assertThat(out).contains("Output: Changing 1004 to DND\r\n");
        assertThat(out)
                .contains("Message: Presence State\r\nState: dnd\r\nMessage: Lunch\r\nPresenceMessage: Lunch\r\n\r\n");
        assertThat(sim.admin().extension("1004").presence()).isEqualTo("dnd");
    }
}
