package io.streamforge.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A server distribution zip (one top folder with {@code bin/}) unpacked into a folder once: a
 * marker file named after the zip makes a second call reuse it; entries that would land outside the
 * folder are refused; the {@code bin/*.sh} scripts are made executable.
 */
final class DistZip {
    private DistZip() {}

    /** The distribution's home (the folder with {@code bin/}) under {@code target}. */
    static Path unpacked(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no distribution zip at " + zip);
        }
        Path marker = target.resolve(".unpacked-" + zip.getFileName());
        if (Files.exists(marker)) {
            return home(target);
        }
        Folders.deleteRecursively(target);
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target.normalize())) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path home = home(target);
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.filter(p -> p.toString().endsWith(".sh"))
                    .forEach(p -> p.toFile().setExecutable(true));
        }
        Files.createFile(marker);
        return home;
    }

    private static Path home(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> Files.isDirectory(p.resolve("bin")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no <dist>/bin under " + target));
        }
    }
}
