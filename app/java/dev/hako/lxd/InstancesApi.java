package dev.hako.lxd;

import dev.hako.lxd.api.ExecRequest;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstancePost;
import dev.hako.lxd.api.InstancePut;
import dev.hako.lxd.api.InstanceSnapshot;
import dev.hako.lxd.api.InstanceSnapshotsPost;
import dev.hako.lxd.api.InstanceState;
import dev.hako.lxd.api.InstanceStatePut;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Tagged;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;

/** {@code /1.0/instances}: containers and virtual machines, their state, snapshots, exec and files. */
public final class InstancesApi extends ResourceApi {

    private final InstanceFiles files;

    InstancesApi(LxdClient client) {
        super(client);
        this.files = new InstanceFiles(client);
    }

    private static String path(String name) {
        return "/1.0/instances/" + seg(name);
    }

    /** Every instance in one request, without state (state is fetched per instance on demand). */
    public List<Instance> list() {
        return list("/1.0/instances", Instance.class);
    }

    public List<String> names() {
        return names("/1.0/instances");
    }

    public Tagged<Instance> get(String name) {
        return getTagged(path(name), Instance.class);
    }

    public InstanceState state(String name) {
        return get(path(name) + "/state", InstanceState.class);
    }

    public RunningOperation create(InstancesPost request) {
        return async("POST", "/1.0/instances", request, null);
    }

    /** Creates on a cluster member ({@code ?target=}); a null {@code target} lets the cluster choose. */
    public RunningOperation create(InstancesPost request, String target) {
        return target == null ? create(request) : async("POST", url("/1.0/instances", "target", target), request);
    }

    /** Replaces the editable part; refused with 412 when {@code etag} is stale. */
    public RunningOperation update(String name, InstancePut put, String etag) {
        return async("PUT", path(name), put, etag);
    }

    /** Merges the given fields (sync on the server). */
    public void patch(String name, Map<String, Object> fields, String etag) {
        sync("PATCH", path(name), fields, etag);
    }

    public RunningOperation changeState(String name, InstanceStatePut action) {
        return async("PUT", path(name) + "/state", action, null);
    }

    /** The same, for an instance of {@code project} (null: this client's project). */
    public RunningOperation changeState(String name, InstanceStatePut action, String project) {
        return async("PUT", url(path(name) + "/state", "project", project), action);
    }

    /** Renames a stopped instance; the server refuses a running one. */
    public RunningOperation rename(String name, String newName) {
        return async("POST", path(name), Map.of("name", newName), null);
    }

    /** Deletes a stopped instance; the server refuses a running one ("Instance is running"). */
    public RunningOperation delete(String name) {
        return async("DELETE", path(name), null, null);
    }

    public List<InstanceSnapshot> snapshots(String name) {
        return list(path(name) + "/snapshots", InstanceSnapshot.class);
    }

    /** Only the snapshots' names: one short listing, for counting them. */
    public List<String> snapshotNames(String name) {
        return names(path(name) + "/snapshots");
    }

    public RunningOperation createSnapshot(String name, InstanceSnapshotsPost request) {
        return async("POST", path(name) + "/snapshots", request, null);
    }

    public RunningOperation renameSnapshot(String name, String snapshot, String newName) {
        return async("POST", path(name) + "/snapshots/" + seg(snapshot), Map.of("name", newName), null);
    }

    public RunningOperation deleteSnapshot(String name, String snapshot) {
        return async("DELETE", path(name) + "/snapshots/" + seg(snapshot), null, null);
    }

    /** Restores the instance to a snapshot (an instance PUT with {@code restore}). */
    public RunningOperation restoreSnapshot(String name, String snapshot) {
        return async("PUT", path(name), Map.of("restore", snapshot), null);
    }

    /** Starts a command; the session attaches its streams before the command runs. */
    public ExecSession exec(String name, ExecRequest request) {
        RunningOperation operation = async("POST", path(name) + "/exec", request, null);
        return new ExecSession(transport, operation, request.interactive());
    }

    public InstanceFiles files() {
        return files;
    }

    /** The console log of a container as text ({@code GET …/console}). */
    public String consoleLog(String name) {
        Request request = new Request.Builder().url(url(path(name) + "/console")).build();
        try (Response response = transport.execute(request)) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", path(name) + "/console");
            }
            return response.body().string();
        } catch (java.io.IOException e) {
            throw UnreachableException.connectionLost("console log of " + name + ": connection lost", e);
        }
    }

    /** The names of the instance's log files ({@code GET …/logs}): lxc.log, lxc.conf on LXD; lxc.log on Incus. */
    public List<String> logNames(String name) {
        return names(path(name) + "/logs");
    }

    /** One log file as text ({@code GET …/logs/<file>}); the server refuses names it does not list. */
    public String log(String name, String file) {
        String logPath = path(name) + "/logs/" + seg(file);
        Request request = new Request.Builder().url(url(logPath)).build();
        try (Response response = transport.execute(request)) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "GET", logPath);
            }
            return response.body().string();
        } catch (java.io.IOException e) {
            throw UnreachableException.connectionLost("log " + file + " of " + name + ": connection lost", e);
        }
    }

    /**
     * Attaches to the instance's text console ({@code POST …/console}, type console).
     * The session has one pty-like stream and a control socket; {@code resize} works as
     * for exec, and closing the session ends it. Never call {@code closeInput} on it: the
     * console has no end of input.
     */
    public ExecSession console(String name, int width, int height) {
        RunningOperation operation = async("POST", path(name) + "/console",
                Map.of("type", "console", "width", width, "height", height), null);
        return new ExecSession(transport, operation, true);
    }

    /** Empties the console log of a container ({@code DELETE …/console}). */
    public void clearConsoleLog(String name) {
        Request request = new Request.Builder().url(url(path(name) + "/console")).delete().build();
        try (Response response = transport.execute(request)) {
            if (!response.isSuccessful()) {
                throw ResponseParser.errorOf(response, "DELETE", path(name) + "/console");
            }
        }
    }

    /**
     * The source side of a pull migration: {@code POST /1.0/instances/<name>} with
     * {@code migration: true}. {@code live} is always sent (false unless stateful was chosen).
     * The returned websocket operation's metadata holds the secrets the target presents.
     */
    public RunningOperation migrateSource(String name, boolean live, boolean instanceOnly) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("migration", true);
        body.put("live", live);
        body.put("instance_only", instanceOnly);
        body.put("allow_inconsistent", false);
        return async("POST", path(name), body, null);
    }

    /**
     * Moves an instance within its server ({@code lxc move --storage/--target-project/--target}):
     * {@code member} non-null moves it to that cluster member. The server refuses a running
     * container unless {@code live}, and live needs CRIU.
     */
    public RunningOperation moveWithin(String name, InstancePost post, String member) {
        return async("POST", url(path(name), "target", member), post);
    }

    /**
     * Copies an instance on its server into {@code project} (null: this client's project),
     * onto {@code member} (null: the cluster chooses, or a standalone server).
     */
    public RunningOperation copyWithin(InstancesPost copy, String project, String member) {
        return async("POST", url("/1.0/instances", "project", project, "target", member), copy);
    }
}
