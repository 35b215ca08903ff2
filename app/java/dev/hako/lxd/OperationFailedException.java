package dev.hako.lxd;

import dev.hako.lxd.api.Operation;

/** A background operation ended in failure or was cancelled; carries the server's {@code err}. */
public class OperationFailedException extends LxdException {

    private final transient Operation operation;

    public OperationFailedException(Operation operation) {
        super(operation.description() + ": " + operation.err(), operation.statusCode(),
                operation.err() == null || operation.err().isBlank() ? null : operation.err());
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }

    public boolean cancelled() {
        return operation.statusCode() == Operation.CANCELLED;
    }
}
