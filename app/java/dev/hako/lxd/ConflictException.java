package dev.hako.lxd;

/** HTTP 409 – the name is taken or the object is in a conflicting state. */
public class ConflictException extends LxdException {

    public ConflictException(String message, int status, String serverMessage) {
        super(message, status, serverMessage);
    }
}
