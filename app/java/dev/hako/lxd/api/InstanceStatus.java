package dev.hako.lxd.api;

/** The server's numeric status codes of instances (shared/api/status_code.go). */
public final class InstanceStatus {

    public static final int STOPPED = 102;
    public static final int RUNNING = 103;
    public static final int FROZEN = 110;
    public static final int ERROR = 112;

    private InstanceStatus() {
    }
}
