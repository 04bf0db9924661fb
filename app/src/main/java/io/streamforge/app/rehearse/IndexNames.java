package io.streamforge.app.rehearse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The index name Fluent-bit gives a record: the chart's Lua filter {@code
 * deploy/logging/index-name.lua} ({@code cb_set_index(tag, ts, record)} sets {@code log_index}) run
 * by {@code lua5.4} when it is on the PATH, else a Java mirror of its contract ({@code <tag part
 * 1>-<tag part 2>-yyyy.MM.dd}, UTC). {@link #how} says which one named.
 */
final class IndexNames {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final Path script;
    private final String how;

    private IndexNames(Path script, String how) {
        this.script = script;
        this.how = how;
    }

    /** Lua when {@code lua5.4} is on the PATH and the filter exists, else the Java mirror. */
    static IndexNames of(Path root) {
        Path lua = root.resolve("deploy/logging/index-name.lua");
        if (Files.isRegularFile(lua) && onPath("lua5.4")) {
            return new IndexNames(lua, "the chart's Lua filter (lua5.4 " + lua + ")");
        }
        return javaMirror();
    }

    static IndexNames javaMirror() {
        return new IndexNames(null, "the Java mirror of index-name.lua (lua5.4 not on the PATH)");
    }

    String how() {
        return how;
    }

    /** Each tag-and-day's index name. */
    Map<ForwardReceiver.TagDay, String> names(List<ForwardReceiver.TagDay> keys) {
        return script == null || keys.isEmpty() ? mirror(keys) : lua(keys);
    }

    private static Map<ForwardReceiver.TagDay, String> mirror(List<ForwardReceiver.TagDay> keys) {
        Map<ForwardReceiver.TagDay, String> out = new LinkedHashMap<>();
        for (ForwardReceiver.TagDay k : keys) {
            String[] parts = k.tag().split("\\.", -1);
            String prefix =
                    parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()
                            ? "unknown-unknown"
                            : part(parts[0]) + "-" + part(parts[1]);
            out.put(k, prefix + "-" + LocalDate.ofEpochDay(k.epochDay()).format(DAY));
        }
        return out;
    }

    private static String part(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    /** One lua5.4 run for all keys: arguments tag, seconds, tag, seconds, ...; one name a line. */
    private Map<ForwardReceiver.TagDay, String> lua(List<ForwardReceiver.TagDay> keys) {
        List<String> cmd = new ArrayList<>(List.of("lua5.4", "-"));
        keys.forEach(k -> cmd.addAll(List.of(k.tag(), String.valueOf(k.epochDay() * 86_400L))));
        String program =
                "dofile('"
                        + script.toString().replace("\\", "\\\\").replace("'", "\\'")
                        + "'); for i = 1, #arg, 2 do local _, _, r = cb_set_index(arg[i], "
                        + "{sec=tonumber(arg[i + 1]), nsec=0}, {}); print(r.log_index) end";
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("lua5.4 " + script + " failed: " + text);
            }
            List<String> lines = text.lines().toList();
            if (lines.size() != keys.size()) {
                throw new IllegalStateException("lua5.4 " + script + " printed: " + text);
            }
            Map<ForwardReceiver.TagDay, String> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), lines.get(i).strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run lua5.4 " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running lua5.4", e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
