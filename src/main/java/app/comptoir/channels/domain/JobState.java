package app.comptoir.channels.domain;

/** Where a publication job stands. PENDING and PAUSED jobs run again when their time comes. */
public enum JobState {
    PENDING, RUNNING, SUCCEEDED, FAILED, PAUSED;

    /** Whether the job is done, one way or the other. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
