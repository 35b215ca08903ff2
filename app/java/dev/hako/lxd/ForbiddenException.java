package dev.hako.lxd;

/** HTTP 403 – the caller is not allowed (untrusted client, wrong password, restricted project). */
public class ForbiddenException extends LxdException {

    public ForbiddenException(String message, int status, String serverMessage) {
        super(message, status, serverMessage);
    }
}
