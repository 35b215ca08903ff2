package dev.hako.lxd;

/** HTTP 400 and other refusals – the server rejected the request as given. */
public class BadRequestException extends LxdException {

    public BadRequestException(String message, int status, String serverMessage) {
        super(message, status, serverMessage);
    }
}
