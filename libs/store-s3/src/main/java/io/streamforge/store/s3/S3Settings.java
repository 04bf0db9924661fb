package io.streamforge.store.s3;

import io.streamforge.runtime.ConfigReader;
import java.net.URI;

/**
 * Object storage access for the model repository. Keys are {@code <prefix>/<name>/<run>/<file>}.
 *
 * @param endpoint S3 endpoint (MinIO, S3Proxy, …); null = the AWS endpoint of {@code region}
 * @param region signing region
 * @param bucket bucket, created when missing
 * @param prefix key prefix without leading/trailing slash ({@code models} unless MODEL_OUTPUT)
 * @param accessKey access key id, or null to use the SDK's default credential chain
 * @param secretKey secret key, or null with {@code accessKey}
 */
public record S3Settings(
        URI endpoint,
        String region,
        String bucket,
        String prefix,
        String accessKey,
        String secretKey) {

    public static final String DEFAULT_PREFIX = "models";

    /** Where runs of {@code name} go: {@code s3://bucket/prefix/name/}. */
    public String uri(String name, String run) {
        return "s3://" + bucket + "/" + key(name, run, "");
    }

    /** {@code prefix/name/run/file} (no prefix segment when the prefix is empty). */
    public String key(String name, String run, String file) {
        return (prefix.isEmpty() ? "" : prefix + "/") + name + "/" + run + "/" + file;
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint="
                + endpoint
                + ", region="
                + region
                + ", bucket="
                + bucket
                + ", prefix="
                + prefix
                + ", credentials="
                + (accessKey == null ? "default chain" : "from files")
                + "]";
    }

    /**
     * Reads S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_FILE, S3_SECRET_KEY_FILE and the
     * optional MODEL_OUTPUT={@code s3://bucket/prefix} that overrides bucket and prefix.
     */
    public static S3Settings read(ConfigReader r) {
        URI endpoint = r.parsed("S3_ENDPOINT", S3Settings::endpoint, null);
        String region = r.optional("S3_REGION", "us-east-1");
        String bucket = r.parsed("S3_BUCKET", S3Settings::bucket, "streamforge");
        String prefix = DEFAULT_PREFIX;
        String[] output = r.parsed("MODEL_OUTPUT", S3Settings::output, null);
        if (output != null) {
            bucket = output[0];
            prefix = output[1];
        }
        String access = r.optionalSecret("S3_ACCESS_KEY");
        String secret = r.optionalSecret("S3_SECRET_KEY");
        if ((access == null) != (secret == null)) {
            r.problem(
                    "S3_ACCESS_KEY_FILE and S3_SECRET_KEY_FILE must be set together (or neither,"
                            + " for the default credential chain)");
        }
        return new S3Settings(endpoint, region, bucket, prefix, access, secret);
    }

    static URI endpoint(String text) {
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "expected http(s)://host[:port], got '" + text + "'");
        }
        return uri;
    }

    /** S3 bucket naming rules (3-63 of lower-case letters, digits, '.', '-'). */
    static String bucket(String text) {
        if (!text.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException(
                    "bucket '"
                            + text
                            + "': expected 3-63 of [a-z0-9.-], starting and ending with"
                            + " a letter or digit");
        }
        return text;
    }

    /** {@code s3://bucket[/prefix]} → {bucket, prefix}. */
    static String[] output(String text) {
        if (!text.startsWith("s3://")) {
            throw new IllegalArgumentException("expected s3://bucket[/prefix], got '" + text + "'");
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = bucket(slash < 0 ? rest : rest.substring(0, slash));
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
        if (prefix.contains("//") || !prefix.matches("[A-Za-z0-9_./-]*")) {
            throw new IllegalArgumentException(
                    "prefix '" + prefix + "': expected [A-Za-z0-9_./-] segments");
        }
        return new String[] {bucket, prefix};
    }
}
