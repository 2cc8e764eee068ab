package app.comptoir.assistant.application;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

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
    /** Encodings (and the model's loading) hold it shared; closing takes it alone, then refuses new work. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
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
            locked = inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (locked) {
            inUse.writeLock().unlock();
        }
    }

    private <T> T using(Supplier<T> work) {
        inUse.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The sentence encoder is closed: the application is stopping");
            }
            return work.get();
        } finally {
            inUse.readLock().unlock();
        }
    }

    private AllMiniLmL6V2EmbeddingModel model() {
        AllMiniLmL6V2EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2EmbeddingModel(CALLER);
                    model = m;
                }
            }
        }
        return m;
    }
}
