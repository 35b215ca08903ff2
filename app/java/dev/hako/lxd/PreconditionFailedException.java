package dev.hako.lxd;

/** HTTP 412 – the object changed on the server since it was read (stale ETag). */
public class PreconditionFailedException extends LxdException {

    public PreconditionFailedException(String message, int status, String serverMessage) {
        super(message, status, serverMessage);
    }
}
