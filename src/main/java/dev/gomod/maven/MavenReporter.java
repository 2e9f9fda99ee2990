package dev.gomod.maven;

import dev.gomod.Reporter;
import org.apache.maven.plugin.logging.Log;

/**
 * A job's messages in Maven's log. go's progress (stderr) is info; its regular output is debug,
 * except for goals whose point is go's output ({@code gomod:go}).
 */
final class MavenReporter {
    private MavenReporter() {
    }

    static Reporter of(Log log, boolean goOutputAtInfo) {
        return Reporter.to(log::info, log::warn, (line, stderr) -> {
            if (stderr || goOutputAtInfo) {
                log.info(line);
            } else {
                log.debug(line);
            }
        });
    }
}
