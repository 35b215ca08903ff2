package dev.hako.remote.creation;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.OperationFailedException;
import java.util.List;

/**
 * What to undo after a creation failed, decided from where it failed alone (pure, so a
 * test checks every case without a server). Nothing is undone that this creation did
 * not make: a refused request made nothing, and a name found taken belongs to someone else.
 */
public final class CreationRollback {

    /** One thing to undo, in the order given. */
    public enum Undo {
        /** The create operation may still run (the wait gave up): ask the server to stop it. */
        CANCEL_OPERATION,
        /** Delete the instance of the requested name if the server left one. */
        DELETE_INSTANCE
    }

    private CreationRollback() {
    }

    /**
     * Whether the server itself said how the operation ended: LXD reports a failed operation
     * as such, Incus answers the wait with the operation's error. A timeout or a lost
     * connection (no answer, status 0) says nothing about it.
     */
    private static boolean reportedOver(Throwable failure) {
        return failure instanceof OperationFailedException
                || failure instanceof LxdException answered && answered.status() > 0;
    }

    /** What to undo after {@code failure} at {@code step}, in order; empty when nothing was made. */
    public static List<Undo> after(InstanceCreation.Step step, Throwable failure) {
        return switch (step) {
            // The name check, the image secret and the refused request itself made nothing on the target; a
            // conflict at the request means someone else has the name now, and theirs must stay.
            case CHECK_NAME, IMAGE_SECRET, SEND -> List.of();
            // The server ran our create: whatever it left half made is ours. An operation the server
            // reported over (failed, cancelled) needs no cancel; one we stopped waiting for may still run.
            case CREATE -> reportedOver(failure)
                    ? List.of(Undo.DELETE_INSTANCE)
                    : List.of(Undo.CANCEL_OPERATION, Undo.DELETE_INSTANCE);
            // The instance exists as asked; it is kept so its log tells why it did not start.
            case START -> List.of();
        };
    }
}
