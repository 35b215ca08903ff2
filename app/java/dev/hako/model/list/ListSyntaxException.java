package dev.hako.model.list;

import dev.hako.remote.ExplainedArgumentException;

/**
 * A filter or a column list the table cannot read, worded for the user: a {@code lists.*}
 * key whose first argument is the part of the text at fault, and where that part starts,
 * so a view can say why next to the field and mark the place.
 */
public final class ListSyntaxException extends ExplainedArgumentException {

    private final String part;
    private final int offset;

    ListSyntaxException(String englishMessage, String messageKey, String part, int offset, Object... more) {
        super(englishMessage, messageKey, withPart(part, more));
        this.part = part;
        this.offset = offset;
    }

    private static Object[] withPart(String part, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = part;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    /** The term or column entry at fault, as typed. */
    public String part() {
        return part;
    }

    /** Where {@link #part()} starts in the text that was read. */
    public int offset() {
        return offset;
    }
}
