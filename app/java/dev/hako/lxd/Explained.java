package dev.hako.lxd;

import java.util.List;

/**
 * A failure that knows how to tell the user what went wrong in their language: a
 * message key of the UI's bundles and its arguments. Texts from the server or the
 * operating system go in as arguments, verbatim; the exception's own message stays
 * English, for logs.
 */
public interface Explained {

    /** A key of the UI's message bundles. */
    String messageKey();

    /** The key's arguments, in order. */
    List<Object> messageArguments();
}
