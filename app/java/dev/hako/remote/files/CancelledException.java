package dev.hako.remote.files;

import dev.hako.lxd.ExplainedException;

/** A file job (a copy, a deletion) stopped because the user cancelled it. */
public final class CancelledException extends ExplainedException {

    public CancelledException() {
        super("cancelled by the user", "error.hint.cancelled");
    }
}
