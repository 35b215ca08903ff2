package dev.hako.lxd;

/** The one place HTTP error statuses become exceptions. */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static LxdException fromStatus(int status, String serverMessage, String method, String path) {
        String text = serverMessage == null || serverMessage.isBlank() ? "HTTP " + status : serverMessage;
        String message = method + " " + path + ": " + text;
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
