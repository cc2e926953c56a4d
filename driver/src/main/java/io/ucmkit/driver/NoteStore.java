package io.ucmkit.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes persisted as JSON lines ({@code notes.jsonl}) in the data directory: one append per note, so a crash
 * loses at most the note being written; a line that does not parse (a torn last write) is reported and skipped.
 */
final class NoteStore {

    private static final Logger log = LoggerFactory.getLogger(NoteStore.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;

    NoteStore(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        this.file = dataDir.resolve("notes.jsonl");
    }

    List<Note> load() {
        List<Note> notes = new ArrayList<>();
        if (!Files.exists(file)) {
            return notes;
        }
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    notes.add(JSON.readValue(line, Note.class));
                } catch (IOException e) {
                    log.warn("{}:{} is not a note ({}); skipped", file, lineNo, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return notes;
    }

    void append(Note note) {
        try {
            Files.writeString(
                    file,
                    JSON.writeValueAsString(note) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write note to " + file, e);
        }
    }
}
