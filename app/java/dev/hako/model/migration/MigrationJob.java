package dev.hako.model.migration;

import dev.hako.lxd.api.Operation;
import java.util.function.Consumer;

/** A transfer of an instance that runs (blocking) and can be cancelled from another thread. */
public interface MigrationJob {

    /** Runs to the end; {@code progress} gets the transfer operation's updates. */
    void run(Consumer<Operation> progress);

    /** Asks the servers to stop; {@link #run} then fails and leaves the source as it was. */
    void cancel();
}
