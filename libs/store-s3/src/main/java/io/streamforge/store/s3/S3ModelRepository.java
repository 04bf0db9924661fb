package io.streamforge.store.s3;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.port.ModelRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ModelRepository} on S3 (AWS SDK v2, path-style, so MinIO and S3Proxy work): run files go
 * to {@code s3://<bucket>/<prefix>/<name>/<run>/<file>}, then a {@code _manifest} object listing
 * them (one name per line) is written last. Only runs with a manifest exist for {@link #get} and
 * {@link #list}, so a crashed upload is never read as a model. The bucket is created when missing.
 *
 * <p>Errors: no connection, 5xx, 429 → {@link TransientException}; other S3 errors → {@link
 * PermanentException}; a run that already has objects is never overwritten.
 */
public final class S3ModelRepository implements ModelRepository, AutoCloseable {
    /** Written last; its name cannot clash with a file name (those start with a letter/digit). */
    public static final String MANIFEST = "_manifest";

    private final S3Client s3;
    private final S3Settings settings;
    private final boolean ownsClient;
    private volatile boolean bucketChecked;

    public S3ModelRepository(S3Client s3, S3Settings settings) {
        this(s3, settings, false);
    }

    private S3ModelRepository(S3Client s3, S3Settings settings, boolean ownsClient) {
        this.s3 = s3;
        this.settings = settings;
        this.ownsClient = ownsClient;
    }

    /** Builds its own client from the settings; {@link #close()} closes it. */
    public static S3ModelRepository open(S3Settings settings) {
        S3ClientBuilder b =
                S3Client.builder().region(Region.of(settings.region())).forcePathStyle(true);
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        b.credentialsProvider(
                settings.accessKey() == null
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        settings.accessKey(), settings.secretKey())));
        return new S3ModelRepository(b.build(), settings, true);
    }

    @Override
    public String put(String name, String run, Map<String, byte[]> files) {
        ModelRepository.checkName("model name", name);
        ModelRepository.checkName("run", run);
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " run " + run + ": no files");
        }
        Map<String, byte[]> sorted = new TreeMap<>();
        files.forEach(
                (file, bytes) -> {
                    ModelRepository.checkName("file name", file);
                    if (bytes == null) {
                        throw new IllegalArgumentException("file " + file + ": no content");
                    }
                    sorted.put(file, bytes);
                });
        ensureBucket();
        String runPrefix = settings.key(name, run, "");
        boolean exists =
                call(
                        "list " + runPrefix,
                        () ->
                                s3.listObjectsV2(
                                                        r ->
                                                                r.bucket(settings.bucket())
                                                                        .prefix(runPrefix)
                                                                        .maxKeys(1))
                                                .keyCount()
                                        > 0);
        if (exists) {
            throw new PermanentException(
                    "model " + name + " run " + run + " already exists at " + uri(name, run));
        }
        sorted.forEach((file, bytes) -> upload(settings.key(name, run, file), bytes));
        upload(
                settings.key(name, run, MANIFEST),
                String.join("\n", sorted.keySet()).getBytes(StandardCharsets.UTF_8));
        return uri(name, run);
    }

    @Override
    public Map<String, byte[]> get(String name, String run) {
        ModelRepository.checkName("model name", name);
        ModelRepository.checkName("run", run);
        byte[] manifest;
        try {
            manifest = download(settings.key(name, run, MANIFEST));
        } catch (NoSuchElementException e) {
            throw new NoSuchElementException(
                    "no complete run " + run + " of model " + name + " at " + uri(name, run));
        }
        Map<String, byte[]> out = new TreeMap<>();
        for (String file : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
            if (!file.isEmpty()) {
                out.put(file, download(settings.key(name, run, file)));
            }
        }
        return out;
    }

    @Override
    public List<String> list(String name) {
        ModelRepository.checkName("model name", name);
        String prefix = settings.key(name, "", "").replaceAll("/+$", "/");
        List<String> runs = new ArrayList<>();
        List<S3Object> objects;
        try {
            objects =
                    call(
                            "list " + prefix,
                            () ->
                                    s3
                                            .listObjectsV2Paginator(
                                                    r -> r.bucket(settings.bucket()).prefix(prefix))
                                            .contents()
                                            .stream()
                                            .toList());
        } catch (PermanentException e) {
            if (e.getCause() instanceof NoSuchBucketException) {
                return List.of();
            }
            throw e;
        }
        for (S3Object o : objects) {
            String[] parts = o.key().substring(prefix.length()).split("/");
            if (parts.length == 2 && parts[1].equals(MANIFEST)) {
                runs.add(parts[0]);
            }
        }
        runs.sort(null);
        return runs;
    }

    /** {@code s3://bucket/prefix/name/run/}. */
    public String uri(String name, String run) {
        return settings.uri(name, run);
    }

    private void ensureBucket() {
        if (bucketChecked) {
            return;
        }
        String bucket = settings.bucket();
        try {
            call("head bucket " + bucket, () -> s3.headBucket(r -> r.bucket(bucket)));
        } catch (PermanentException e) {
            if (!(e.getCause() instanceof S3Exception s) || s.statusCode() != 404) {
                throw e;
            }
            try {
                call("create bucket " + bucket, () -> s3.createBucket(r -> r.bucket(bucket)));
            } catch (PermanentException created) {
                if (!(created.getCause() instanceof BucketAlreadyOwnedByYouException)) {
                    throw created;
                }
            }
        }
        bucketChecked = true;
    }

    private void upload(String key, byte[] bytes) {
        call(
                "put " + key,
                () ->
                        s3.putObject(
                                r -> r.bucket(settings.bucket()).key(key),
                                RequestBody.fromBytes(Arrays.copyOf(bytes, bytes.length))));
    }

    private byte[] download(String key) {
        try {
            return call(
                    "get " + key,
                    () ->
                            s3.getObjectAsBytes(r -> r.bucket(settings.bucket()).key(key))
                                    .asByteArray());
        } catch (PermanentException e) {
            if (e.getCause() instanceof NoSuchKeyException
                    || e.getCause() instanceof NoSuchBucketException) {
                throw new NoSuchElementException("s3://" + settings.bucket() + "/" + key);
            }
            throw e;
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        String where = " (s3://" + settings.bucket() + ", endpoint " + settings.endpoint() + ")";
        try {
            return action.get();
        } catch (S3Exception e) {
            int status = e.statusCode();
            String msg = what + where + ": HTTP " + status + " " + e.getMessage();
            if (status >= 500 || status == 429) {
                throw new TransientException(msg, e);
            }
            throw new PermanentException(msg, e);
        } catch (SdkClientException e) {
            throw new TransientException(what + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
