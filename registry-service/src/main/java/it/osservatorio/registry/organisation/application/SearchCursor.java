package it.osservatorio.registry.organisation.application;

import it.osservatorio.platform.web.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque position in a sorted search: the sort it was issued for, the sort key of the last item returned and its
 * id. It holds values, not an offset, so that pages stay stable while organisations are added, changed or deleted.
 * A checksum makes an edited or truncated cursor fail with a 400 instead of silently jumping elsewhere; it does
 * not make cursors secret (they carry nothing that the page itself does not show).
 */
final class SearchCursor {

    private static final String VERSION = "1";
    private static final byte[] SALT = "osservatorio-organisation-cursor".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SearchCursor() {}

    /** @param key the sort key of the last item: one value per order of the sort, then the id */
    static String encode(OrganisationSort sort, Comparable<?>[] key) {
        List<String> parts = new ArrayList<>();
        parts.add(VERSION);
        parts.add(sort.toString());
        for (Comparable<?> value : key) {
            parts.add(value.toString());
        }
        StringBuilder payload = new StringBuilder();
        for (String part : parts) {
            payload.append(payload.isEmpty() ? "" : ".")
                    .append(ENCODER.encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
        return payload + "." + checksum(payload.toString());
    }

    /** @throws InvalidFieldException naming {@code cursor} when it was not issued by this search for this sort */
    static Comparable<?>[] decode(String cursor, OrganisationSort sort) {
        try {
            int last = cursor.lastIndexOf('.');
            if (last < 0 || !checksum(cursor.substring(0, last)).equals(cursor.substring(last + 1))) {
                throw tampered();
            }
            List<String> parts = Arrays.stream(cursor.substring(0, last).split("\\.", -1))
                    .map(part -> new String(DECODER.decode(part), StandardCharsets.UTF_8))
                    .toList();
            if (parts.size() != sort.orders().size() + 3 || !VERSION.equals(parts.get(0))) {
                throw tampered();
            }
            if (!parts.get(1).equals(sort.toString())) {
                throw new InvalidFieldException(
                        "cursor",
                        "was issued for sort=" + (parts.get(1).isEmpty() ? "(by id)" : parts.get(1))
                                + "; repeat the request with that sort, or start again without a cursor");
            }
            Comparable<?>[] key = new Comparable<?>[sort.orders().size() + 1];
            for (int i = 0; i < sort.orders().size(); i++) {
                key[i] = sort.orders().get(i).field().decode(parts.get(i + 2));
            }
            key[key.length - 1] = parts.getLast();
            return key;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw tampered();
        }
    }

    private static InvalidFieldException tampered() {
        return new InvalidFieldException(
                "cursor", "is not a nextCursor returned by this search; start again without a cursor");
    }

    private static String checksum(String payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            byte[] hash = digest.digest(payload.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(hash, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
