package io.ucmkit.driver;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The System Asset of docs/driver.md §5: a true state from communication (Normal, Fault, No Communication) and an
 * operator overlay (Masked, Acknowledged). Thread-safe; every change of the displayed or the true state is
 * reported as a {@link DriverEvent.AssetState} with old and new state, reason and time.
 *
 * <p>Rules of docs/driver.md §5: a command "does not apply" (409) when it would change nothing — Mask while
 * Masked, Acknowledge without an alarm or while Masked or already Acknowledged, Reset without an overlay.
 * Cancel always applies. Every operator command except Cancel selects the asset; Cancel deselects it.
 */
public final class SystemAsset {

    /** True state from communication. */
    public enum TrueState {
        NORMAL("Normal"),
        FAULT("Fault"),
        NO_COMMUNICATION("No Communication");

        private final String label;

        TrueState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean isAlarm() {
            return this != NORMAL;
        }
    }

    /** Operator overlay on top of the true state. */
    public enum Overlay {
        NONE,
        MASKED,
        ACKNOWLEDGED
    }

    /** The asset commands with no parameters (New Note and Workflow Trigger have their own methods). */
    public enum Command {
        MASK("Mask"),
        ACKNOWLEDGE("Acknowledge"),
        RESET("Reset"),
        CANCEL("Cancel");

        private final String label;

        Command(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Parses the label, case-insensitively; null if unknown. */
        public static Command parse(String s) {
            for (Command c : values()) {
                if (c.label.equalsIgnoreCase(s)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A consistent copy of the asset, for JSON. */
    public record Snapshot(
            String state, String trueState, String reason, boolean selected, long droppedEvents, List<Note> notes) {}

    private final Clock clock;
    private final NoteStore notes;
    private final List<Note> noteList;
    private final Consumer<DriverEvent> sink;
    private Runnable onCancel = () -> {};
    private TrueState trueState = TrueState.NO_COMMUNICATION;
    private String reason = "not connected yet";
    private Overlay overlay = Overlay.NONE;
    private boolean selected;
    private volatile long droppedEvents;

    SystemAsset(Clock clock, Path dataDir, Consumer<DriverEvent> sink) {
        this.clock = clock;
        this.notes = new NoteStore(dataDir);
        this.noteList = new ArrayList<>(notes.load());
        this.sink = sink;
    }

    void onCancel(Runnable r) {
        onCancel = r;
    }

    void droppedEvents(long n) {
        droppedEvents = n;
    }

    public synchronized TrueState trueState() {
        return trueState;
    }

    public synchronized Overlay overlay() {
        return overlay;
    }

    public synchronized String reason() {
        return reason;
    }

    /** The state an operator sees: Masked or Acknowledged when an overlay is on, else the true state. */
    public synchronized String state() {
        return displayed(overlay, trueState);
    }

    private static String displayed(Overlay overlay, TrueState trueState) {
        return switch (overlay) {
            case MASKED -> "Masked";
            case ACKNOWLEDGED -> "Acknowledged";
            case NONE -> trueState.label();
        };
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state(), trueState.label(), reason, selected, droppedEvents, List.copyOf(noteList));
    }

    /** Sets the true state from communication; Acknowledged ends when the true state changes. */
    synchronized void setTrueState(TrueState next, String why) {
        Objects.requireNonNull(next);
        String nextReason = why == null ? "" : why;
        if (next == trueState) {
            reason = nextReason;
            return;
        }
        Overlay nextOverlay = overlay == Overlay.ACKNOWLEDGED ? Overlay.NONE : overlay;
        change(nextOverlay, next, nextReason);
    }

    /**
     * Runs a command. Returns the new snapshot; throws CONFLICT when the command does not apply.
     */
    public Snapshot execute(Command command) {
        Runnable afterCancel = null;
        synchronized (this) {
            switch (command) {
                case MASK -> {
                    if (overlay == Overlay.MASKED) {
                        throw conflict("Mask does not apply: the asset is already Masked");
                    }
                    selected = true;
                    change(Overlay.MASKED, trueState, reason);
                }
                case ACKNOWLEDGE -> {
                    if (!trueState.isAlarm()) {
                        throw conflict("Acknowledge does not apply: there is no alarm (the asset is Normal)");
                    }
                    if (overlay != Overlay.NONE) {
                        throw conflict(
                                "Acknowledge does not apply: the asset is already " + displayed(overlay, trueState));
                    }
                    selected = true;
                    change(Overlay.ACKNOWLEDGED, trueState, reason);
                }
                case RESET -> {
                    if (overlay == Overlay.NONE) {
                        throw conflict("Reset does not apply: the asset shows its true state already");
                    }
                    selected = true;
                    change(Overlay.NONE, trueState, reason);
                }
                case CANCEL -> {
                    selected = false;
                    afterCancel = onCancel;
                }
            }
        }
        if (afterCancel != null) {
            afterCancel.run();
        }
        return snapshot();
    }

    /** New Note: stored in the data directory before this returns, so it survives a restart. */
    public Snapshot addNote(String text, String author) {
        if (text == null || text.isBlank()) {
            throw new DriverException(DriverException.Kind.INVALID_REQUEST, "text is required");
        }
        if (author == null || author.isBlank()) {
            throw new DriverException(DriverException.Kind.INVALID_REQUEST, "author is required");
        }
        Note note = new Note(text, author, clock.instant());
        synchronized (this) {
            notes.append(note);
            noteList.add(note);
            selected = true;
        }
        return snapshot();
    }

    /** Workflow Trigger: emits a {@link DriverEvent.WorkflowTrigger}. */
    public DriverEvent.WorkflowTrigger workflowTrigger(String name, Map<String, String> parameters) {
        if (name == null || name.isBlank()) {
            throw new DriverException(DriverException.Kind.INVALID_REQUEST, "name is required");
        }
        var event = new DriverEvent.WorkflowTrigger(name, parameters == null ? Map.of() : parameters, clock.instant());
        synchronized (this) {
            selected = true;
        }
        sink.accept(event);
        return event;
    }

    private void change(Overlay nextOverlay, TrueState nextTrue, String nextReason) {
        String oldShown = displayed(overlay, trueState);
        TrueState oldTrue = trueState;
        overlay = nextOverlay;
        trueState = nextTrue;
        reason = nextReason;
        String shown = displayed(overlay, trueState);
        if (!shown.equals(oldShown) || oldTrue != trueState) {
            sink.accept(new DriverEvent.AssetState(
                    oldShown, shown, oldTrue.label(), trueState.label(), reason, clock.instant()));
        }
    }

    private static DriverException conflict(String message) {
        return new DriverException(DriverException.Kind.CONFLICT, message);
    }
}
