package io.streamforge.domain.port;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where trained models are kept: a model {@code name} has immutable {@code run}s, each a flat set
 * of named files (e.g. {@code metadata.json}, {@code parameters.ndlist}). A run becomes visible to
 * {@link #get} and {@link #list} only once all its files are stored, so readers never see half a
 * model.
 *
 * <p>Names, runs and file names match {@link #NAME}; a violation is an {@link
 * IllegalArgumentException} naming the bad value. Storage failures are {@link
 * io.streamforge.domain.TransientException} (retry may help) or {@link
 * io.streamforge.domain.PermanentException}.
 */
public interface ModelRepository {
    /** A letter or digit, then letters, digits, {@code _ . -}; at most 128 characters. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    /**
     * Stores a new run. {@code files} must not be empty. A run that already exists is never
     * overwritten: {@link io.streamforge.domain.PermanentException}.
     *
     * @return where the run lives, e.g. {@code s3://bucket/models/<name>/<run>/}
     */
    String put(String name, String run, Map<String, byte[]> files);

    /**
     * The files of a complete run, by file name.
     *
     * @throws java.util.NoSuchElementException when there is no such complete run
     */
    Map<String, byte[]> get(String name, String run);

    /** The complete runs of {@code name}, sorted ascending (empty when there are none). */
    List<String> list(String name);

    /** Throws {@link IllegalArgumentException} unless {@code value} matches {@link #NAME}. */
    static String checkName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what
                            + " '"
                            + value
                            + "': expected 1-128 of [A-Za-z0-9_.-], starting with a letter or"
                            + " digit");
        }
        return value;
    }
}
