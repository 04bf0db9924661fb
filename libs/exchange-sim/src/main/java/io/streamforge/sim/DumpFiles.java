package io.streamforge.sim;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * data.binance.vision dump files generated from the model: {@code
 * data/spot/{daily|monthly}/{klines|aggTrades|trades}/<SYMBOL>[/<interval>]/<file>.zip} (one CSV
 * without header inside) and {@code <file>.zip.CHECKSUM} ({@code <sha256> <file>.zip}). Timestamps
 * are ms before the µs switch date and µs from it; daily files exist for days ≤ now − 1 day,
 * monthly files for complete months. Zip bytes are deterministic (fixed entry time).
 */
public final class DumpFiles {
    private final MarketModel model;
    private final Faults faults;
    private final TimeSource clock;
    private final Map<String, byte[]> cache =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
                    return size() > 8;
                }
            };

    /** A parsed dump path. */
    record Spec(
            boolean daily,
            String kind,
            Symbol symbol,
            Interval interval,
            LocalDate first,
            String file) {
        LocalDate end() {
            return daily ? first.plusDays(1) : first.plusMonths(1);
        }
    }

    DumpFiles(MarketModel model, Faults faults, TimeSource clock) {
        this.model = model;
        this.faults = faults;
        this.clock = clock;
    }

    /** {@code data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-15.zip}. */
    public static String dailyKlinesPath(Symbol s, Interval i, LocalDate day) {
        return "data/spot/daily/klines/"
                + s
                + "/"
                + i.dumpCode()
                + "/"
                + s
                + "-"
                + i.dumpCode()
                + "-"
                + day
                + ".zip";
    }

    /** {@code data/spot/monthly/klines/BTCUSDT/1mo/BTCUSDT-1mo-2024-01.zip}. */
    public static String monthlyKlinesPath(Symbol s, Interval i, YearMonth month) {
        return "data/spot/monthly/klines/"
                + s
                + "/"
                + i.dumpCode()
                + "/"
                + s
                + "-"
                + i.dumpCode()
                + "-"
                + month
                + ".zip";
    }

    /** {@code data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-15.zip} (or trades). */
    public static String dailyTradesPath(String kind, Symbol s, LocalDate day) {
        return "data/spot/daily/" + kind + "/" + s + "/" + s + "-" + kind + "-" + day + ".zip";
    }

    /** {@code data/spot/monthly/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01.zip} (or trades). */
    public static String monthlyTradesPath(String kind, Symbol s, YearMonth month) {
        return "data/spot/monthly/" + kind + "/" + s + "/" + s + "-" + kind + "-" + month + ".zip";
    }

    /** The zip at {@code path} (leading slash optional) when it is published now. */
    public Optional<byte[]> zip(String path) {
        Spec spec = published(path);
        return spec == null ? Optional.empty() : Optional.of(bytes(spec));
    }

    /** The {@code .CHECKSUM} text of the zip at {@code path} (without the suffix). */
    public Optional<String> checksum(String zipPath) {
        Spec spec = published(zipPath);
        if (spec == null) {
            return Optional.empty();
        }
        byte[] zip = bytes(spec);
        if (faults.corruptDumpChecksums().contains(spec.file())) {
            zip = ("corrupt:" + spec.file()).getBytes(StandardCharsets.UTF_8);
        }
        return Optional.of(sha256(zip) + "  " + spec.file() + "\n");
    }

    /**
     * Writes the published files among {@code zipPaths} and their {@code .CHECKSUM}s under {@code
     * root} with the same relative paths (for {@code dump} from a local folder); returns the zip
     * paths written.
     */
    public List<Path> writeTo(Path root, List<String> zipPaths) {
        List<Path> out = new ArrayList<>();
        try {
            for (String p : zipPaths) {
                Optional<byte[]> zip = zip(p);
                if (zip.isEmpty()) {
                    continue;
                }
                Path target = root.resolve(strip(p));
                Files.createDirectories(target.getParent());
                Files.write(target, zip.get());
                Files.writeString(
                        target.resolveSibling(target.getFileName() + ".CHECKSUM"),
                        checksum(p).orElseThrow());
                out.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The daily kline zip paths of [from, to] (inclusive). */
    public static List<String> dailyKlinesPaths(
            Symbol s, Interval i, LocalDate from, LocalDate to) {
        List<String> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(dailyKlinesPath(s, i, d));
        }
        return out;
    }

    /** The spec when {@code path} names a file that exists now (published, not faulted away). */
    Spec published(String path) {
        Spec spec = parse(strip(path));
        if (spec == null || !model.hasSymbol(spec.symbol())) {
            return null;
        }
        long nowUs = clock.nowUs();
        LocalDate lastDaily = Micros.toDate(nowUs - DayGenerator.DAY_US);
        boolean available =
                spec.daily() ? !spec.first().isAfter(lastDaily) : Micros.of(spec.end()) <= nowUs;
        boolean afterGenesis = Micros.of(spec.end()) > model.genesisUs();
        if (!available || !afterGenesis || faults.missingDumpFiles().contains(spec.file())) {
            return null;
        }
        return spec;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Parses a relative dump path; null when it is not one. */
    static Spec parse(String path) {
        String[] p = path.split("/");
        if (p.length < 6
                || !p[0].equals("data")
                || !p[1].equals("spot")
                || !p[p.length - 1].endsWith(".zip")) {
            return null;
        }
        boolean daily = p[2].equals("daily");
        if (!daily && !p[2].equals("monthly")) {
            return null;
        }
        String kind = p[3];
        boolean klines = kind.equals("klines");
        if (!klines && !kind.equals("aggTrades") && !kind.equals("trades")
                || p.length != (klines ? 7 : 6)) {
            return null;
        }
        try {
            Symbol symbol = Symbol.of(p[4]);
            Interval interval = klines ? dumpInterval(p[5]) : null;
            String file = p[p.length - 1];
            String prefix = p[4] + "-" + (klines ? p[5] : kind) + "-";
            if (!p[4].equals(symbol.value())
                    || interval == null && klines
                    || !file.startsWith(prefix)) {
                return null;
            }
            String date = file.substring(prefix.length(), file.length() - 4);
            LocalDate first = daily ? LocalDate.parse(date) : YearMonth.parse(date).atDay(1);
            return new Spec(daily, kind, symbol, interval, first, file);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Interval dumpInterval(String code) {
        for (Interval i : Interval.values()) {
            if (i.dumpCode().equals(code)) {
                return i;
            }
        }
        return null;
    }

    private byte[] bytes(Spec spec) {
        String key =
                spec.toString()
                        + model.maintenanceWindows()
                        + model.invalidAggTradeFraction()
                        + faults.microsSwitchDate();
        synchronized (cache) {
            byte[] b = cache.get(key);
            if (b != null) {
                return b;
            }
        }
        byte[] b =
                zipOf(
                        spec.file().substring(0, spec.file().length() - 4) + ".csv",
                        DumpCsv.csv(
                                model, spec, !spec.first().isBefore(faults.microsSwitchDate())));
        synchronized (cache) {
            cache.put(key, b);
        }
        return b;
    }

    private static byte[] zipOf(String entryName, String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(csv.length() / 3 + 256);
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(entryName);
            e.setTimeLocal(LocalDateTime.of(2020, 1, 1, 0, 0));
            z.putNextEntry(e);
            z.write(csv.getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
