package io.streamforge.gnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a model as a flat directory of two files (ready to upload as-is to {@code
 * s3://<bucket>/models/<name>/<run>/}):
 *
 * <ul>
 *   <li>{@code metadata.json} — {@link ModelMetadata} (features, normaliser, thresholds,
 *       hyper-parameters, seed, metrics);
 *   <li>{@code parameters.ndlist} — named float32 weights in DJL's NDList encoding.
 * </ul>
 */
public final class ModelStore {
    public static final String METADATA_FILE = "metadata.json";
    public static final String PARAMETERS_FILE = "parameters.ndlist";

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelStore() {}

    public static void save(GnnModel model, Path directory) {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(METADATA_FILE).toFile(), model.metadata());
            try (NDManager tmp = model.manager().newSubManager();
                    OutputStream out = Files.newOutputStream(directory.resolve(PARAMETERS_FILE))) {
                NDList list = model.network().toList(tmp);
                list.encode(out);
            }
        } catch (IOException e) {
            throw new GnnException("cannot save model to " + directory + ": " + e.getMessage(), e);
        }
    }

    public static GnnModel load(Path directory) {
        Path metaFile = directory.resolve(METADATA_FILE);
        Path paramFile = directory.resolve(PARAMETERS_FILE);
        if (!Files.isRegularFile(metaFile) || !Files.isRegularFile(paramFile)) {
            throw new GnnException(
                    "model directory "
                            + directory
                            + " must contain "
                            + METADATA_FILE
                            + " and "
                            + PARAMETERS_FILE);
        }
        ModelMetadata meta;
        try {
            meta = JSON.readValue(metaFile.toFile(), ModelMetadata.class);
        } catch (IOException e) {
            throw new GnnException("cannot read " + metaFile + ": " + e.getMessage(), e);
        }
        if (meta.formatVersion() != ModelMetadata.FORMAT_VERSION) {
            throw new GnnException(
                    "unsupported model format version "
                            + meta.formatVersion()
                            + " in "
                            + metaFile
                            + " (expected "
                            + ModelMetadata.FORMAT_VERSION
                            + ")");
        }
        NDManager manager = DjlEngine.newManager();
        try (InputStream in = Files.newInputStream(paramFile)) {
            return GnnModel.restore(manager, meta, NDList.decode(manager, in));
        } catch (IOException | RuntimeException e) {
            manager.close();
            if (e instanceof GnnException g) {
                throw g;
            }
            throw new GnnException("cannot read " + paramFile + ": " + e.getMessage(), e);
        }
    }
}
