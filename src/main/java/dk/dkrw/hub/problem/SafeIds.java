package dk.dkrw.hub.problem;

import java.util.regex.Pattern;

/**
 * Ids taken from a request path or document go into problem details and logs only when they have the form of
 * a hub id (a UUID); anything else could be arbitrary text, personal data included.
 */
public final class SafeIds {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private SafeIds() {
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** The id itself when it is a UUID, else a fixed marker. */
    public static String uuidOrMarker(String value) {
        return isUuid(value) ? value : "(not a valid id)";
    }
}
