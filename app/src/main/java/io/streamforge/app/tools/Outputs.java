package io.streamforge.app.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * All-or-nothing output files: content goes to a temporary file next to the target, which replaces
 * the target only when everything was written. A failure (bad input found half-way) leaves an
 * existing target untouched and no partial file behind.
 */
final class Outputs {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private Outputs() {}

    /** Writes CSV text through {@code body}. */
    interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes to {@code target}, or to {@code stdout} when target is null (not atomic then). */
    static void write(Path target, PrintStream stdout, Body body) {
        if (target == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            try {
                body.write(w);
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write standard output: " + e, e);
            }
            return;
        }
        Staged s = stage(target);
        try (Writer w =
                Files.newBufferedWriter(
                        s.temp(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            body.write(w);
        } catch (IOException e) {
            s.discard();
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            s.discard();
            throw e;
        }
        commit(List.of(s));
    }

    /** A temporary file standing in for {@code target} until {@link #commit}. */
    record Staged(Path target, Path temp) {
        void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the temp file has a recognisable name
            }
        }
    }

    static Staged stage(Path target) {
        Path abs = target.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            // not createTempFile: that makes the file owner-only (0600); this keeps the umask
            String name =
                    "." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp";
            return new Staged(target, abs.getParent().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Moves every staged file onto its target. */
    static void commit(List<Staged> staged) {
        List<Staged> left = new ArrayList<>(staged);
        try {
            for (Staged s : staged) {
                move(s);
                left.remove(s);
            }
        } catch (IOException e) {
            left.forEach(Staged::discard);
            throw new UncheckedIOException("cannot write " + left.get(0).target() + ": " + e, e);
        }
    }

    private static void move(Staged s) throws IOException {
        try {
            Files.move(
                    s.temp(),
                    s.target(),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(s.temp(), s.target(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
