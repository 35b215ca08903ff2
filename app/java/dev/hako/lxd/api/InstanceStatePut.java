package dev.hako.lxd.api;

/**
 * {@code PUT /1.0/instances/<n>/state}. A {@code timeout} of 0 means "kill at once"
 * to the server, so "no timeout" is expressed by leaving it out ({@code null}).
 */
public record InstanceStatePut(String action, Integer timeout, Boolean force, Boolean stateful) {

    public static InstanceStatePut start() {
        return new InstanceStatePut("start", null, null, null);
    }

    public static InstanceStatePut stop(Integer timeoutSeconds, boolean force) {
        return new InstanceStatePut("stop", timeoutSeconds, force, null);
    }

    public static InstanceStatePut restart(Integer timeoutSeconds, boolean force) {
        return new InstanceStatePut("restart", timeoutSeconds, force, null);
    }

    public static InstanceStatePut freeze() {
        return new InstanceStatePut("freeze", null, null, null);
    }

    public static InstanceStatePut unfreeze() {
        return new InstanceStatePut("unfreeze", null, null, null);
    }
}
