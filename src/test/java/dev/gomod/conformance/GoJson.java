package dev.gomod.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the top-level string fields of the JSON object stream {@code go ... -json} prints. */
final class GoJson {
    private static final Pattern FIELD = Pattern.compile("^\\t\"(\\w+)\": \"((?:[^\"\\\\]|\\\\.)*)\",?$", Pattern.MULTILINE);

    private GoJson() {
    }

    static List<Map<String, String>> objects(String out) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String obj : out.split("(?m)^}\\s*$")) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(obj);
            while (m.find()) {
                fields.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            if (!fields.isEmpty()) {
                list.add(fields);
            }
        }
        return list;
    }
}
