package it.osservatorio.platform.web;

import java.util.OptionalLong;

/**
 * An aggregate's version as an HTTP entity tag ({@code "3"}) and back from {@code If-Match}: a client sends the ETag
 * it read, and a write that finds a later version answers 412 instead of overwriting it.
 */
public final class VersionTags {

    private VersionTags() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param ifMatch the header as received; absent, blank or {@code *} means no precondition
     * @param resource what the version belongs to, for the message, e.g. "organisation"
     * @throws InvalidFieldException naming {@code If-Match} when it is not a version tag
     */
    public static OptionalLong ifMatch(String ifMatch, String resource) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(
                    "If-Match", "must be the ETag you read, e.g. \"3\" (the " + resource + "'s version)");
        }
    }
}
