package dev.hako.ui.wizard.instance;

import dev.hako.lxd.LxdClient;
import dev.hako.remote.creation.InstanceCreation;

/**
 * Runs a creation for the wizard (blocking, on a worker thread): the wizard's runs the
 * {@link InstanceCreation} use case on the target's client; a test scripts the outcome.
 */
interface InstanceCreator {

    InstanceCreation.Outcome create(InstanceCreation.Order order, InstanceCreation.Listener listener);

    /** Stops the creation running now; blocking. */
    void cancel();

    static InstanceCreator on(LxdClient target) {
        InstanceCreation creation = new InstanceCreation(target);
        return new InstanceCreator() {
            @Override
            public InstanceCreation.Outcome create(InstanceCreation.Order order, InstanceCreation.Listener listener) {
                return creation.run(order, listener);
            }

            @Override
            public void cancel() {
                creation.cancel();
            }
        };
    }
}
