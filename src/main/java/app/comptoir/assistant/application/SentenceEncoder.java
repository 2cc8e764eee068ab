package app.comptoir.assistant.application;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.LoggerFactory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.springframework.stereotype.Component;

import app.comptoir.assistant.domain.Vectors;

/**
 * The sentence encoder of semantic search: all-MiniLM-L6-v2 run in process by ONNX Runtime, its model read from the
 * application's own jar (nothing is downloaded). It is loaded on first use, not at start (about a second and 100 MB
 * of memory), and encodes on the caller's thread (a batch is not spread over the cores: the server has other work).
 * Vectors come out at unit length, so that the cosine is a dot product for pgvector and for Java alike.
 */
@Component
public class SentenceEncoder {

    /** The model's name, part of each stored text hash (another model gives other vectors). */
    public static final String MODEL = "all-MiniLM-L6-v2";
    /** The model's dimension. */
    public static final int DIMENSION = 384;

    private static final Executor CALLER = Runnable::run;

    /** How long closing waits for an encoding under way. */
    private static final long CLOSE_WAIT_SECONDS = 20;

    private volatile AllMiniLmL6V2EmbeddingModel model;
    /**
     * Encodings (and the model's loading) hold it shared; closing takes it alone, then refuses new work. One for the
     * process, like the model.
     */
    private static final java.util.concurrent.atomic.AtomicBoolean LOADED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final ReentrantReadWriteLock IN_USE = new ReentrantReadWriteLock();
    private static volatile boolean exiting;
    private volatile boolean closed;

    /** The vector of one text. */
    public float[] encode(String text) {
        return using(() -> Vectors.unit(model().embed(text).content().vector()));
    }

    /** The vectors of some texts, in their order. */
    public List<float[]> encode(List<String> texts) {
        return using(() -> {
            List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
            return embeddings.stream().map(e -> Vectors.unit(e.vector())).toList();
        });
    }

    /**
     * When the application stops: waits for the encoding under way, then refuses new ones. ONNX Runtime's native code
     * must not run while the JVM exits (a model loading then crashed the process: SIGSEGV in libonnxruntime); an
     * embedding refused here stays pending in the event publication registry and is done at the next start.
     */
    @PreDestroy
    void close() {
        boolean locked = false;
        try {
            locked = IN_USE.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (locked) {
            IN_USE.writeLock().unlock();
        }
    }

    /**
     * When the process exits (after the contexts closed, or without them): closes the model's ONNX session and its
     * tokenizer, once no encoding runs, so that the session's threads are stopped and joined before the native
     * library's globals are torn down under them (which crashed test JVMs at exit with SIGSEGV in libonnxruntime).
     * Not at a context's close: the model is one per process (the library keeps it in a static field) and another
     * application context of the same JVM may still use it. The library offers no close: its fields are read.
     */
    private static void releaseAtExit(AllMiniLmL6V2EmbeddingModel loaded) {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("sentence-encoder-release").unstarted(() -> {
            boolean locked = false;
            try {
                locked = IN_USE.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exiting = true;
            try {
                if (locked) {
                    release(loaded);
                }
            } finally {
                if (locked) {
                    IN_USE.writeLock().unlock();
                }
            }
        }));
    }

    private static void release(AllMiniLmL6V2EmbeddingModel loaded) {
        try {
            java.lang.reflect.Method encoder = loaded.getClass().getDeclaredMethod("model");
            encoder.setAccessible(true);
            Object bert = encoder.invoke(loaded);
            for (String name : List.of("session", "tokenizer")) {
                java.lang.reflect.Field field = bert.getClass().getDeclaredField(name);
                field.setAccessible(true);
                if (field.get(bert) instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        } catch (Exception | LinkageError e) {
            LoggerFactory.getLogger(SentenceEncoder.class).warn("Could not close the sentence encoder's model", e);
        }
    }

    private <T> T using(Supplier<T> work) {
        IN_USE.readLock().lock();
        try {
            if (closed || exiting) {
                throw new IllegalStateException("The sentence encoder is closed: the application is stopping");
            }
            return work.get();
        } finally {
            IN_USE.readLock().unlock();
        }
    }

    private AllMiniLmL6V2EmbeddingModel model() {
        AllMiniLmL6V2EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2EmbeddingModel(CALLER);
                    if (LOADED.compareAndSet(false, true)) {
                        releaseAtExit(m);
                    }
                    model = m;
                }
            }
        }
        return m;
    }
}
