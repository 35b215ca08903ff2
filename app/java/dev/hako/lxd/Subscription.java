package dev.hako.lxd;

/** A listener's registration: closing it stops the calls; closing never fails. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
