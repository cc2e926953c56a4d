package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.driver.DriverEvent.AssetState;
import io.ucmkit.driver.SystemAsset.Command;
import io.ucmkit.driver.SystemAsset.TrueState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemAssetTest {

    @TempDir
    Path dataDir;

    private final List<DriverEvent> events = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private SystemAsset asset() {
        return new SystemAsset(clock, dataDir, events::add);
    }

    private List<AssetState> stateEvents() {
        return events.stream()
                .filter(AssetState.class::isInstance)
                .map(AssetState.class::cast)
                .toList();
    }

    @Test
    void aNewAssetIsNoCommunicationUntilTheDriverConnects() {
        SystemAsset asset = asset();

        assertThat(asset.state()).isEqualTo("No Communication");
        assertThat(asset.snapshot().selected()).isFalse();
    }

    @Test
    void everyTrueStateChangeIsAnEventWithOldNewReasonAndTime() {
        SystemAsset asset = asset();

        asset.setTrueState(TrueState.NORMAL, "connected");
        asset.setTrueState(TrueState.FAULT, "AMI user lacks the originate privilege");
        asset.setTrueState(TrueState.NO_COMMUNICATION, "keepalive missed");
        asset.setTrueState(TrueState.NORMAL, "connected");

        assertThat(stateEvents())
                .extracting(AssetState::oldState, AssetState::newState, AssetState::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("No Communication", "Normal", "connected"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Normal", "Fault", "AMI user lacks the originate privilege"),
                        org.assertj.core.groups.Tuple.tuple("Fault", "No Communication", "keepalive missed"),
                        org.assertj.core.groups.Tuple.tuple("No Communication", "Normal", "connected"));
        assertThat(stateEvents()).allMatch(e -> e.time().equals(Instant.parse("2026-11-22T10:00:00Z")));
    }

    @Test
    void theSameTrueStateWithANewReasonUpdatesTheReasonWithoutAnEvent() {
        SystemAsset asset = asset();
        asset.setTrueState(TrueState.NO_COMMUNICATION, "connection refused");

        assertThat(asset.reason()).isEqualTo("connection refused");
        assertThat(stateEvents()).isEmpty();
    }

    @ParameterizedTest(name = "Mask hides {0} until Reset")
    @EnumSource(TrueState.class)
    void maskHidesTheTrueStateUntilReset(TrueState trueState) {
        SystemAsset asset = asset();
        asset.setTrueState(trueState, "x");

        asset.execute(Command.MASK);
        asset.setTrueState(trueState == TrueState.NORMAL ? TrueState.FAULT : TrueState.NORMAL, "changed");

        assertThat(asset.state()).isEqualTo("Masked");
        assertThat(asset.snapshot().trueState()).isNotEqualTo(trueState.label());
        asset.execute(Command.RESET);
        assertThat(asset.state()).isEqualTo(asset.trueState().label());
    }

    @Test
    void maskWhileMaskedDoesNotApply() {
        SystemAsset asset = asset();
        asset.execute(Command.MASK);

        assertThatThrownBy(() -> asset.execute(Command.MASK))
                .isInstanceOf(DriverException.class)
                .extracting(e -> ((DriverException) e).kind())
                .isEqualTo(DriverException.Kind.CONFLICT);
    }

    @ParameterizedTest(name = "Acknowledge of {0}")
    @EnumSource(
            value = TrueState.class,
            names = {"FAULT", "NO_COMMUNICATION"})
    void acknowledgeOfAnAlarmShowsAcknowledgedUntilTheTrueStateChanges(TrueState alarm) {
        SystemAsset asset = asset();
        asset.setTrueState(TrueState.NORMAL, "ok");
        asset.setTrueState(alarm, "alarm");

        asset.execute(Command.ACKNOWLEDGE);
        assertThat(asset.state()).isEqualTo("Acknowledged");
        asset.setTrueState(TrueState.NORMAL, "back");

        assertThat(asset.state()).isEqualTo("Normal");
        assertThat(asset.overlay()).isEqualTo(SystemAsset.Overlay.NONE);
    }

    @Test
    void acknowledgeWithoutAnAlarmIsAConflict() {
        SystemAsset asset = asset();
        asset.setTrueState(TrueState.NORMAL, "ok");

        assertThatThrownBy(() -> asset.execute(Command.ACKNOWLEDGE))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("no alarm");
    }

    @Test
    void acknowledgeTwiceOrWhileMaskedIsAConflict() {
        SystemAsset asset = asset();
        asset.execute(Command.ACKNOWLEDGE);
        assertThatThrownBy(() -> asset.execute(Command.ACKNOWLEDGE)).hasMessageContaining("already Acknowledged");

        asset.execute(Command.MASK);
        assertThatThrownBy(() -> asset.execute(Command.ACKNOWLEDGE)).hasMessageContaining("already Masked");
    }

    @Test
    void resetDropsAcknowledgedBackToTheAlarm() {
        SystemAsset asset = asset();
        asset.execute(Command.ACKNOWLEDGE);

        asset.execute(Command.RESET);

        assertThat(asset.state()).isEqualTo("No Communication");
        assertThat(stateEvents()).extracting(AssetState::newState).containsExactly("Acknowledged", "No Communication");
    }

    @Test
    void resetWithoutAnOverlayIsAConflict() {
        assertThatThrownBy(() -> asset().execute(Command.RESET))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("true state already");
    }

    @Test
    void operatorCommandsSelectTheAssetAndCancelDeselectsItAndDropsPendingConfirmations() {
        SystemAsset asset = asset();
        List<String> dropped = new ArrayList<>();
        asset.onCancel(() -> dropped.add("dropped"));

        asset.execute(Command.MASK);
        assertThat(asset.snapshot().selected()).isTrue();
        asset.execute(Command.CANCEL);

        assertThat(asset.snapshot().selected()).isFalse();
        assertThat(dropped).containsExactly("dropped");
        assertThat(asset.state()).isEqualTo("Masked");
    }

    @Test
    void notesArePersistedAndSurviveARestart() {
        asset().addNote("Technician on site", "alice");
        asset().addNote("PBX rebooted", "bob");

        SystemAsset restarted = asset();

        assertThat(restarted.snapshot().notes())
                .extracting(Note::text, Note::author)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Technician on site", "alice"),
                        org.assertj.core.groups.Tuple.tuple("PBX rebooted", "bob"));
        assertThat(restarted.snapshot().notes().get(0).time()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void aNoteWithoutTextOrAuthorIsRejectedNamingTheField() {
        assertThatThrownBy(() -> asset().addNote(" ", "alice")).hasMessage("text is required");
        assertThatThrownBy(() -> asset().addNote("x", null)).hasMessage("author is required");
    }

    @Test
    void workflowTriggerEmitsAnEventWithNameAndParameters() {
        SystemAsset asset = asset();

        asset.workflowTrigger("dispatch-guard", Map.of("zone", "B"));

        assertThat(events)
                .containsExactly(new DriverEvent.WorkflowTrigger(
                        "dispatch-guard", Map.of("zone", "B"), Instant.parse("2026-11-22T10:00:00Z")));
        assertThatThrownBy(() -> asset.workflowTrigger("", Map.of())).hasMessage("name is required");
    }

    @Test
    void commandNamesParseCaseInsensitively() {
        assertThat(Command.parse("acknowledge")).isEqualTo(Command.ACKNOWLEDGE);
        assertThat(Command.parse("Explode")).isNull();
    }
}
