package dev.gomod;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a job tells its user what it does: progress, warnings, and the lines go prints (already
 * masked). The Maven side logs them; tests collect them. One interface for every job, so that a job
 * never needs to know who is listening.
 */
public interface Reporter {
    /** A reporter that drops everything. */
    Reporter SILENT = of(m -> { });

    void info(String message);

    void warn(String message);

    /** A line go printed, masked: progress on stderr, results on stdout. By default progress is info and results are dropped. */
    default void go(String line, boolean stderr) {
        if (stderr) {
            info(line);
        }
    }

    /** Everything, go's stdout included, to one consumer: a test's log, say. */
    static Reporter of(Consumer<String> all) {
        return to(all, all, (line, stderr) -> all.accept(line));
    }

    /** A reporter from three consumers: info, warnings, and go's lines with whether they came on stderr. */
    static Reporter to(Consumer<String> info, Consumer<String> warn, BiConsumer<String, Boolean> go) {
        return new Reporter() {
            @Override
            public void info(String message) {
                info.accept(message);
            }

            @Override
            public void warn(String message) {
                warn.accept(message);
            }

            @Override
            public void go(String line, boolean stderr) {
                go.accept(line, stderr);
            }
        };
    }
}
