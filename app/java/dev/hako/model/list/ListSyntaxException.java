package dev.hako.model.list;

import dev.hako.lxd.Explained;
import java.util.List;

/**
 * A filter or a column list the table cannot read, worded for the user: a {@code lists.*}
 * key whose first argument is the part of the text at fault, and where that part starts,
 * so a view can say why next to the field and mark the place.
 */
public final class ListSyntaxException extends IllegalArgumentException implements Explained {

    private final String messageKey;
    private final transient List<Object> arguments;
    private final String part;
    private final int offset;

    ListSyntaxException(String englishMessage, String messageKey, String part, int offset, Object... more) {
        super(englishMessage);
        this.messageKey = messageKey;
        this.part = part;
        this.offset = offset;
        Object[] all = new Object[more.length + 1];
        all[0] = part;
        System.arraycopy(more, 0, all, 1, more.length);
        this.arguments = List.of(all);
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public List<Object> messageArguments() {
        return arguments;
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
