package dev.hako.lxd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.api.Operation;
import java.util.ArrayList;
import java.util.List;

/** {@code /1.0/operations}: what the server is doing now and finished a moment ago. */
public final class OperationsApi extends ResourceApi {

    OperationsApi(LxdClient client) {
        super(client);
    }

    /** All operations the server still knows, of every status. */
    public List<Operation> list() {
        JsonNode byStatus = transport.get(url("/1.0/operations", "recursion", "1")).metadata();
        List<Operation> all = new ArrayList<>();
        if (byStatus != null) {
            byStatus.forEach(group -> group.forEach(op -> all.add(Json.convert(op, Operation.class))));
        }
        return all;
    }

    public Operation get(String id) {
        return get("/1.0/operations/" + seg(id), Operation.class);
    }

    public void cancel(String id) {
        sync("DELETE", "/1.0/operations/" + seg(id), null, null);
    }
}
