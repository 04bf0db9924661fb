package io.streamforge.binance.dump;

import io.streamforge.binance.dump.DumpGap.Reason;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads data.binance.vision archives for a time range: plans monthly/daily files ({@link
 * DumpPlan}), verifies each archive against its {@code .CHECKSUM} (sha256) before parsing, parses
 * and trims the rows to the range, and reports every part it could not deliver as a {@link
 * DumpGap}. A missing monthly file falls back to the daily files of that month.
 */
public final class DumpReader {
    private final DumpSource source;

    public DumpReader(DumpSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public DumpResult klines(
            Symbol symbol,
            Interval interval,
            TimeRange range,
            long nowUs,
            Consumer<List<Candle>> sink) {
        Objects.requireNonNull(interval, "interval");
        return read(DumpKind.KLINES, symbol, interval, range, nowUs, sink);
    }

    public DumpResult aggTrades(
            Symbol symbol, TimeRange range, long nowUs, Consumer<List<AggTrade>> sink) {
        return read(DumpKind.AGG_TRADES, symbol, null, range, nowUs, sink);
    }

    public DumpResult trades(
            Symbol symbol, TimeRange range, long nowUs, Consumer<List<Trade>> sink) {
        return read(DumpKind.TRADES, symbol, null, range, nowUs, sink);
    }

    private <T> DumpResult read(
            DumpKind kind,
            Symbol symbol,
            Interval interval,
            TimeRange range,
            long nowUs,
            Consumer<List<T>> sink) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(sink, "sink");
        DumpPlan plan = DumpPlan.forRange(range, nowUs);
        List<DumpFile> covered = new ArrayList<>();
        List<DumpGap> gaps = new ArrayList<>();
        long records = 0;
        List<DumpFile> files = new ArrayList<>();
        for (YearMonth m : plan.months()) files.add(DumpFile.monthly(kind, symbol, interval, m));
        for (LocalDate d : plan.days()) files.add(DumpFile.daily(kind, symbol, interval, d));
        files.sort((a, b) -> Long.compare(a.range().startUs(), b.range().startUs()));
        for (DumpFile f : files) {
            Outcome o = readFile(f, range, sink);
            if (o.gap() == null) {
                covered.add(f);
                records += o.records();
            } else if (f.isMonthly() && o.gap().reason() == Reason.NOT_FOUND) {
                for (LocalDate d = f.month().atDay(1);
                        !d.isAfter(f.month().atEndOfMonth());
                        d = d.plusDays(1)) {
                    DumpFile day = DumpFile.daily(kind, symbol, interval, d);
                    Outcome od = readFile(day, range, sink);
                    if (od.gap() == null) {
                        covered.add(day);
                        records += od.records();
                    } else {
                        gaps.add(od.gap());
                    }
                }
            } else {
                gaps.add(o.gap());
            }
        }
        plan.restTail()
                .ifPresent(
                        t ->
                                gaps.add(
                                        new DumpGap(
                                                t,
                                                Reason.NOT_YET_PUBLISHED,
                                                "after the last reliable day "
                                                        + plan.lastReliableDay())));
        return new DumpResult(covered, gaps, records);
    }

    private record Outcome(long records, DumpGap gap) {}

    /** Verifies and parses one archive; rows outside {@code range} are dropped. */
    private <T> Outcome readFile(DumpFile f, TimeRange range, Consumer<List<T>> sink) {
        TimeRange part = clip(f.range(), range);
        Optional<String> checksum = readChecksum(f);
        if (checksum.isEmpty()) {
            boolean zipExists = exists(f.relativePath());
            Reason r = zipExists ? Reason.CHECKSUM_MISSING : Reason.NOT_FOUND;
            String what =
                    zipExists
                            ? f.checksumPath() + " missing: archive not used"
                            : f.relativePath() + " not found at " + source.describe();
            return new Outcome(0, new DumpGap(part, r, what));
        }
        Optional<Path> local = source.localPath(f.relativePath());
        Path zip = null;
        boolean temporary = local.isEmpty();
        try {
            zip = local.isPresent() ? local.get() : download(f);
            if (zip == null) {
                return new Outcome(
                        0,
                        new DumpGap(
                                part,
                                Reason.NOT_FOUND,
                                f.relativePath() + " not found at " + source.describe()));
            }
            String actual = sha256(zip);
            if (!actual.equalsIgnoreCase(checksum.get())) {
                throw new DumpChecksumException(
                        f.fileName()
                                + ": sha256 "
                                + actual
                                + " does not match .CHECKSUM "
                                + checksum.get()
                                + " ("
                                + source.describe()
                                + "); archive rejected");
            }
            return new Outcome(parse(f, zip, part, sink), null);
        } catch (IOException e) {
            throw new UncheckedIOException(f.relativePath() + ": " + e.getMessage(), e);
        } finally {
            if (temporary && zip != null) {
                zip.toFile().delete();
            }
        }
    }

    private <T> long parse(DumpFile f, Path zip, TimeRange part, Consumer<List<T>> sink)
            throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e = z.getNextEntry();
            while (e != null && (e.isDirectory() || !e.getName().endsWith(".csv"))) {
                e = z.getNextEntry();
            }
            if (e == null) {
                throw new DumpFormatException(
                        f.fileName() + ": no .csv entry in the archive", null);
            }
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(z, StandardCharsets.UTF_8));
            return new DumpCsv(f).parse(in, part::contains, sink);
        }
    }

    /** The expected sha256 from {@code <file>.CHECKSUM} ({@code sha256sum -c} format). */
    private Optional<String> readChecksum(DumpFile f) {
        Optional<InputStream> in = source.open(f.checksumPath());
        if (in.isEmpty()) return Optional.empty();
        String text;
        try (InputStream s = in.get()) {
            text = new String(s.readNBytes(4096), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(f.checksumPath() + ": " + e.getMessage(), e);
        }
        String[] parts = text.split("\\s+");
        if (parts.length < 1 || !parts[0].matches("[0-9a-fA-F]{64}")) {
            throw new DumpChecksumException(
                    f.checksumPath()
                            + ": not a sha256sum line: '"
                            + (text.length() > 100 ? text.substring(0, 100) : text)
                            + "'");
        }
        if (parts.length >= 2) {
            String named = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
            if (!named.equals(f.fileName())) {
                throw new DumpChecksumException(
                        f.checksumPath()
                                + ": names '"
                                + named
                                + "', expected '"
                                + f.fileName()
                                + "'");
            }
        }
        return Optional.of(parts[0].toLowerCase(java.util.Locale.ROOT));
    }

    private boolean exists(String relativePath) {
        Optional<InputStream> in = source.open(relativePath);
        in.ifPresent(
                s -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // existence is all we wanted
                    }
                });
        return in.isPresent();
    }

    private Path download(DumpFile f) throws IOException {
        Optional<InputStream> in = source.open(f.relativePath());
        if (in.isEmpty()) return null;
        Path tmp = Files.createTempFile("dump-", "-" + f.fileName());
        try (InputStream s = in.get();
                OutputStream out = Files.newOutputStream(tmp)) {
            s.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static TimeRange clip(TimeRange file, TimeRange range) {
        long s = Math.max(file.startUs(), range.startUs());
        long e = Math.min(file.endUs(), range.endUs());
        return e > s ? new TimeRange(s, e) : file;
    }
}
