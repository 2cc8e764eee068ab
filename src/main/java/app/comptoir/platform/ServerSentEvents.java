package app.comptoir.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer streamed as server-sent events ({@code text/event-stream}): {@code token} events with the pieces of
 * text as they come, then one {@code done} event with the whole answer as JSON. A refusal before the first event
 * is thrown as it is (an ordinary problem response); a {@link ComptoirException} after it ends the stream with an
 * {@code error} event ({@code type}, {@code status}, {@code detail}), since the status line is already sent.
 */
public final class ServerSentEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServletResponse response;
    private boolean started;

    private ServerSentEvents(HttpServletResponse response) {
        this.response = response;
    }

    /** Streams what {@code answer} produces: it receives the consumer of the pieces of text and returns the answer. */
    public static void stream(HttpServletResponse response, Function<Consumer<String>, Object> answer)
            throws IOException {
        ServerSentEvents events = new ServerSentEvents(response);
        try {
            Object whole = answer.apply(text -> {
                try {
                    events.event("token", text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            events.event("done", JSON.writeValueAsString(whole));
        } catch (ComptoirException e) {
            if (!events.started) {
                throw e;
            }
            events.event("error", JSON.writeValueAsString(Map.of("type", e.type(), "status", e.status().value(),
                    "detail", e.getMessage())));
        }
    }

    /** Writes one event (each line of the data its own {@code data:} line) and flushes it. */
    private void event(String name, String data) throws IOException {
        if (!started) {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            started = true;
        }
        StringBuilder event = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        event.append('\n');
        response.getWriter().write(event.toString());
        response.getWriter().flush();
    }
}
