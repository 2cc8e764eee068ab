package app.comptoir.assistant.application;

import java.util.List;
import java.util.concurrent.Executor;

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

    private volatile AllMiniLmL6V2EmbeddingModel model;

    /** The vector of one text. */
    public float[] encode(String text) {
        return Vectors.unit(model().embed(text).content().vector());
    }

    /** The vectors of some texts, in their order. */
    public List<float[]> encode(List<String> texts) {
        List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(e -> Vectors.unit(e.vector())).toList();
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
