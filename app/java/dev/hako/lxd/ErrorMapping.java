package dev.hako.lxd;

/**
 * The one place HTTP error statuses become exceptions. The exception's message names
 * the request, for logs; its server message is the server's own text and nothing else
 * (null when the server gave none, so that the user reads a sentence of the bundles).
 */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static LxdException fromStatus(int status, String serverMessage, String method, String path) {
        String text = serverMessage == null || serverMessage.isBlank() ? null : serverMessage;
        String message = method + " " + path + ": " + (text == null ? "HTTP " + status : text);
        return switch (status) {
            case 404 -> new NotFoundException(message, status, text);
            case 409 -> new ConflictException(message, status, text);
            case 412 -> new PreconditionFailedException(message, status, text);
            case 401, 403 -> new ForbiddenException(message, status, text);
            default -> status >= 500
                    ? new LxdException(message, status, text)
                    : new BadRequestException(message, status, text);
        };
    }
}
