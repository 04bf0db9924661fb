package io.streamforge.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal Dockerfile reader: joins continuation lines, splits into stages of instructions. */
record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {

    /** One build stage: the FROM image (without "AS name") and its instructions in order. */
    record Stage(String from, List<String[]> lines) {
        List<String> instructions(String keyword) {
            return lines.stream().filter(l -> l[0].equals(keyword)).map(l -> l[1]).toList();
        }
    }

    String arg(String name) {
        return globalArgs.get(name);
    }

    static Dockerfile parse(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        String joined = text.replaceAll("\\\\\\r?\\n", " ");
        for (String raw : joined.split("\\r?\\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String rest = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("FROM")) {
                stages.add(new Stage(rest.split("\\s+")[0], new ArrayList<>()));
            } else if (stages.isEmpty()) {
                if (!keyword.equals("ARG")) {
                    throw new IllegalArgumentException(keyword + " before the first FROM: " + line);
                }
                String[] kv = rest.split("=", 2);
                args.put(kv[0], kv.length > 1 ? kv[1] : "");
            } else {
                stages.get(stages.size() - 1).lines().add(new String[] {keyword, rest});
            }
        }
        return new Dockerfile(args, stages);
    }
}
