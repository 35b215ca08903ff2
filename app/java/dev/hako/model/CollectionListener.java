package dev.hako.model;

/** Receives changes on the model's thread; UI code moves them to its own thread. */
@FunctionalInterface
public interface CollectionListener<T> {

    void changed(CollectionChange<T> change);
}
