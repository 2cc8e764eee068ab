package app.comptoir.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local model server speaking the two chat protocols the assistant uses, started by a test on a random port:
 * OpenAI's {@code POST /v1/chat/completions} ({@code choices[0].message.content} or {@code tool_calls} and
 * {@code usage.prompt_tokens / completion_tokens}) and Ollama's {@code POST /api/chat} ({@code message.content} or
 * {@code tool_calls}, {@code prompt_eval_count}, {@code eval_count}, {@code done}), each also streamed when the
 * request says {@code stream: true} (server-sent events, NDJSON). Each test scripts the answers it wants, in order;
 * without a script the server answers a numbered text. Every request is recorded with its headers and body.
 */
public final class FakeModelServer implements AutoCloseable {

    /** One scripted answer: an HTTP status, and for a 200 the text or the tool calls, and the tokens counted. */
    public record Reply(int status, String text, int promptTokens, int completionTokens, List<ToolCall> toolCalls) {

        Reply(int status, String text, int promptTokens, int completionTokens) {
            this(status, text, promptTokens, completionTokens, List.of());
        }

        public static Reply text(String text, int promptTokens, int completionTokens) {
            return new Reply(200, text, promptTokens, completionTokens);
        }

        public static Reply failure(int status) {
            return new Reply(status, null, 0, 0);
        }

        /** The model asks for tools to be called (arguments as JSON text), instead of answering. */
        public static Reply tools(int promptTokens, int completionTokens, ToolCall... calls) {
            return new Reply(200, null, promptTokens, completionTokens, List.of(calls));
        }
    }

    /** A tool call the model makes: the tool's name and its arguments as a JSON text. */
    public record ToolCall(String name, String arguments) {
    }

    /** A request received: its path, its Authorization header and its JSON body. */
    public record Received(String path, String authorization, JsonNode body) {

        /** The names of the tools offered in the request. */
        public List<String> tools() {
            List<String> names = new java.util.ArrayList<>();
            for (JsonNode t : body.path("tools")) {
                names.add(t.path("function").path("name").asString());
            }
            return names;
        }

        /** The contents of every message with this role, in order. */
        public List<String> messages(String role) {
            List<String> texts = new java.util.ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asString().equals(role)) {
                    texts.add(m.path("content").isString() ? m.path("content").asString() : m.path("content").toString());
                }
            }
            return texts;
        }

        /** The text of the message with this role. */
        public String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asString().equals(role)) {
                    return m.path("content").asString();
                }
            }
            return null;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();

    public FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, true));
        server.createContext("/api/chat", exchange -> answer(exchange, false));
        server.start();
    }

    /** The OpenAI-compatible base address ({@code .../v1}). */
    public String openAiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The Ollama base address. */
    public String ollamaBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers, in order. */
    public FakeModelServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange, boolean openAi) throws IOException {
        try (exchange) {
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in.readAllBytes());
            }
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Reply reply = script.poll();
            if (reply == null) {
                int n = answered.incrementAndGet();
                reply = Reply.text("Texte du modèle n° " + n + ".", 100, 40);
            }
            if (reply.status() != 200) {
                send(exchange, reply.status(), Map.of("error", Map.of("message", "scripted failure",
                        "type", "server_error")));
                return;
            }
            String model = body.path("model").asString();
            if (body.path("stream").asBoolean(false)) {
                stream(exchange, openAi, model, reply);
                return;
            }
            if (!reply.toolCalls().isEmpty()) {
                List<Map<String, Object>> calls = new java.util.ArrayList<>();
                int i = 0;
                for (ToolCall call : reply.toolCalls()) {
                    i++;
                    calls.add(openAi
                            ? Map.of("id", "call_" + received.size() + "_" + i, "type", "function",
                                    "function", Map.of("name", call.name(), "arguments", call.arguments()))
                            : Map.of("function", Map.of("name", call.name(), "arguments", JSON.readTree(call.arguments()))));
                }
                if (openAi) {
                    Map<String, Object> message = new java.util.HashMap<>();
                    message.put("role", "assistant");
                    message.put("content", null);
                    message.put("tool_calls", calls);
                    send(exchange, 200, Map.of("id", "chatcmpl-" + received.size(), "object", "chat.completion",
                            "created", Instant.now().getEpochSecond(), "model", model,
                            "choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls", "message", message)),
                            "usage", Map.of("prompt_tokens", reply.promptTokens(),
                                    "completion_tokens", reply.completionTokens(),
                                    "total_tokens", reply.promptTokens() + reply.completionTokens())));
                } else {
                    send(exchange, 200, Map.of("model", model, "created_at", Instant.now().toString(),
                            "message", Map.of("role", "assistant", "content", "", "tool_calls", calls),
                            "done", true, "done_reason", "stop", "total_duration", 1000000,
                            "prompt_eval_count", reply.promptTokens(), "eval_count", reply.completionTokens()));
                }
                return;
            }
            if (openAi) {
                send(exchange, 200, Map.of("id", "chatcmpl-" + received.size(), "object", "chat.completion",
                        "created", Instant.now().getEpochSecond(), "model", model,
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", reply.text()))),
                        "usage", Map.of("prompt_tokens", reply.promptTokens(),
                                "completion_tokens", reply.completionTokens(),
                                "total_tokens", reply.promptTokens() + reply.completionTokens())));
            } else {
                send(exchange, 200, Map.of("model", model, "created_at", Instant.now().toString(),
                        "message", Map.of("role", "assistant", "content", reply.text()),
                        "done", true, "done_reason", "stop", "total_duration", 1000000,
                        "prompt_eval_count", reply.promptTokens(), "eval_count", reply.completionTokens()));
            }
        }
    }

    /**
     * A streamed answer: OpenAI's server-sent events ({@code data: chunk}, the text word by word, each tool call
     * whole, a last chunk with the usage, then {@code data: [DONE]}), or Ollama's NDJSON lines (the last one
     * {@code done: true} with the counts).
     */
    private void stream(HttpExchange exchange, boolean openAi, String model, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", openAi ? "text/event-stream" : "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        List<Object> chunks = new java.util.ArrayList<>();
        String id = "chatcmpl-" + received.size();
        long created = Instant.now().getEpochSecond();
        List<String> words = new java.util.ArrayList<>();
        if (reply.text() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*").matcher(reply.text());
            while (m.find()) {
                words.add(m.group());
            }
        }
        for (String word : words) {
            chunks.add(openAi
                    ? Map.of("id", id, "object", "chat.completion.chunk", "created", created, "model", model,
                            "choices", List.of(Map.of("index", 0, "delta", Map.of("role", "assistant", "content", word))))
                    : Map.of("model", model, "created_at", Instant.now().toString(),
                            "message", Map.of("role", "assistant", "content", word), "done", false));
        }
        int i = 0;
        for (ToolCall call : reply.toolCalls()) {
            chunks.add(openAi
                    ? Map.of("id", id, "object", "chat.completion.chunk", "created", created, "model", model,
                            "choices", List.of(Map.of("index", 0, "delta", Map.of("role", "assistant", "tool_calls",
                                    List.of(Map.of("index", i, "id", "call_" + received.size() + "_" + i, "type",
                                            "function", "function", Map.of("name", call.name(), "arguments",
                                                    call.arguments())))))))
                    : Map.of("model", model, "created_at", Instant.now().toString(), "done", false,
                            "message", Map.of("role", "assistant", "content", "", "tool_calls", List.of(Map.of(
                                    "function", Map.of("name", call.name(), "arguments", JSON.readTree(call.arguments())))))));
            i++;
        }
        if (openAi) {
            chunks.add(Map.of("id", id, "object", "chat.completion.chunk", "created", created, "model", model,
                    "choices", List.of(Map.of("index", 0, "delta", Map.of(),
                            "finish_reason", reply.toolCalls().isEmpty() ? "stop" : "tool_calls"))));
            chunks.add(Map.of("id", id, "object", "chat.completion.chunk", "created", created, "model", model,
                    "choices", List.of(), "usage", Map.of("prompt_tokens", reply.promptTokens(),
                            "completion_tokens", reply.completionTokens(),
                            "total_tokens", reply.promptTokens() + reply.completionTokens())));
        } else {
            chunks.add(Map.of("model", model, "created_at", Instant.now().toString(),
                    "message", Map.of("role", "assistant", "content", ""), "done", true, "done_reason", "stop",
                    "total_duration", 1000000, "prompt_eval_count", reply.promptTokens(),
                    "eval_count", reply.completionTokens()));
        }
        try (OutputStream out = exchange.getResponseBody()) {
            for (Object chunk : chunks) {
                String json = JSON.writeValueAsString(chunk);
                out.write((openAi ? "data: " + json + "\n\n" : json + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (openAi) {
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
