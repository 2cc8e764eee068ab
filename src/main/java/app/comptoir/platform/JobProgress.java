package app.comptoir.platform;

/** What a background job tells about its progress: how much there is to do, and how much is done. */
public interface JobProgress {

    /** The amount of work, once known (lines, products...). */
    void total(int total);

    /** How much of it is done (never more than the total; the last call wins). */
    void done(int done);

    /** Progress for work that does not report any. */
    JobProgress NONE = new JobProgress() {
        @Override
        public void total(int total) {
        }

        @Override
        public void done(int done) {
        }
    };
}
