package dev.gomod.gotool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged or put in an error: every registered secret value,
 * and the password part of any {@code scheme://user:password@host} URL, registered or not.
 */
public final class SecretMasker {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final Pattern URL_PASSWORD = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]*):[^/\\s@]*@");

    private final List<String> secrets = new ArrayList<>();

    /** Registers a secret; values shorter than 3 characters would mask ordinary text and are masked only inside URLs. */
    public synchronized SecretMasker add(String secret) {
        if (secret != null && secret.length() >= 3 && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
        return this;
    }

    public synchronized String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
