package dk.dkrw.hub.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Consumer;
import java.util.function.Function;

/** Pages through the Kigali feed as Kigali does: from a cursor to the end, 500 items a page. */
public final class FeedPages {

    private FeedPages() {
    }

    /**
     * Hands every item after {@code after} ({@code ""}: from the beginning) to {@code item}, oldest first, and
     * returns the cursor after the last one (the one to continue from later).
     */
    public static String walk(Function<String, JsonNode> getPath, String after, Consumer<JsonNode> item) {
        String cursor = after;
        while (true) {
            JsonNode page = getPath.apply("/api/v1/cases?limit=500&after=" + cursor);
            if (page.path("items").isEmpty()) {
                return cursor;
            }
            page.path("items").forEach(item);
            cursor = page.path("next").asText();
        }
    }
}
