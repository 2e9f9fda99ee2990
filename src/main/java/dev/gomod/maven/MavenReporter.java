package dev.gomod.maven;

import dev.gomod.Reporter;
import org.apache.maven.plugin.logging.Log;

/**
 * A job's messages in Maven's log. go's progress (stderr) is info; its regular output is debug,
 * except for goals whose point is go's output ({@code gomod:go}).
 */
final class MavenReporter implements Reporter {
    private final Log log;
    private final boolean goOutputAtInfo;

    MavenReporter(Log log, boolean goOutputAtInfo) {
        this.log = log;
        this.goOutputAtInfo = goOutputAtInfo;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void go(String line, boolean stderr) {
        if (stderr || goOutputAtInfo) {
            log.info(line);
        } else {
            log.debug(line);
        }
    }
}
