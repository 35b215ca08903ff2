package dev.hako.model.store;

/** The history file cannot be opened or written; the message says what was found. */
public final class HistoryStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
