package dev.hako.lxd;

/** HTTP 404 – the object does not exist (or is not visible in this project). */
public class NotFoundException extends LxdException {

    public NotFoundException(String message, int status, String serverMessage) {
        super(message, status, serverMessage);
    }
}
