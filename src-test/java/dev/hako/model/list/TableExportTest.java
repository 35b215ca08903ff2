package dev.hako.model.list;

import static dev.hako.model.list.Rows.busyState;
import static dev.hako.model.list.Rows.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hako.lxd.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TableExportTest {

    private static final ObjectMapper YAML_READER = new ObjectMapper(new YAMLFactory());

    private static final InstanceRow RUNNING = instance("web1").description("front, \"main\"")
            .config("security.privileged", "true").config("limits.cpu", "2")
            .config("cloud-init.user-data", "#cloud-config\npackages:\n  - nginx\n").row(busyState(), 2);
    private static final InstanceRow STOPPED = instance("db1").vm().ephemeral().stopped().lastUsed(Rows.LXD_NEVER)
            .description(" indented").row();

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void csvIsLxcsWithoutHeaderAndWithQuotedMultiLineCells() {
        String csv = TableExport.csv(InstanceColumn.parseLetters("ns4tSd"), List.of(RUNNING, STOPPED), Locale.ENGLISH);

        assertThat(csv).isEqualTo(
                "web1,RUNNING,\"172.17.0.1 (docker0)\n10.0.3.7 (eth0)\n10.0.3.20 (eth1)\",CONTAINER,2,"
                        + "\"front, \"\"main\"\"\"\n"
                        + "db1,STOPPED,,VIRTUAL-MACHINE (EPHEMERAL),,\" indented\"\n");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        InstanceRow row = instance("a").description("carriage\rreturn").profiles("x").row();
        List<InstanceColumn> columns = List.of(InstanceColumn.NAME, InstanceColumn.DESCRIPTION,
                InstanceColumn.PROFILES, InstanceColumn.REMOTE);

        assertThat(TableExport.csv(columns, List.of(row), Locale.ROOT)).isEqualTo("a,\"carriage\rreturn\",x,local\n");
        assertThat(TableExport.csv(columns, List.of(), Locale.ROOT)).isEmpty();
        assertThat(TableExport.csv(List.of(InstanceColumn.DESCRIPTION),
                List.of(instance("b").description("\\.").row()), Locale.ROOT)).isEqualTo("\"\\.\"\n");
    }

    @Test
    void jsonListsTheInstancesWithTheirStateAsLxcDoes() throws Exception {
        String json = TableExport.json(List.of(RUNNING, STOPPED));

        assertThat(json).endsWith("]\n").doesNotContain("\n ");
        JsonNode list = Json.MAPPER.readTree(json);
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);

        JsonNode web = list.get(0);
        assertThat(keys(web)).startsWith("name", "description", "status", "status_code", "created_at",
                "last_used_at", "location", "type", "project", "architecture", "ephemeral", "stateful",
                "profiles", "config");
        assertThat(web.get("status_code").asInt()).isEqualTo(103);
        assertThat(web.get("created_at").asText()).isEqualTo("2024-05-01T18:30:00+09:00");
        assertThat(web.at("/expanded_config/security.privileged").asText()).isEqualTo("true");
        assertThat(web.at("/state/network/eth0/addresses/0/address").asText()).isEqualTo("10.0.3.7");
        assertThat(web.at("/state/network/eth0/host_name").asText()).isEqualTo("veth1");
        assertThat(web.at("/state/memory/usage").asLong()).isEqualTo(12_939_428L);
        assertThat(web.at("/state/cpu/usage").asLong()).isEqualTo(12_345_678_901L);
        assertThat(web.get("snapshot_count").asInt()).isEqualTo(2);
        assertThat(web.has("snapshots")).isFalse();
        assertThat(web.has("backups")).isFalse();

        JsonNode db = list.get(1);
        assertThat(db.get("type").asText()).isEqualTo("virtual-machine");
        assertThat(db.get("ephemeral").asBoolean()).isTrue();
        // Written as null, as lxc writes it for an instance it fetched no state for.
        assertThat(db.has("state")).isTrue();
        assertThat(db.get("state").isNull()).isTrue();
        assertThat(db.has("snapshot_count")).isFalse();
        assertThat(db.get("last_used_at").asText()).isEqualTo("1970-01-01T00:00:00Z");

        assertThat(TableExport.json(List.of())).isEqualTo("[]\n");
    }

    @Test
    void yamlIsTheSameDocumentAsABlockList() throws Exception {
        String yaml = TableExport.yaml(List.of(RUNNING, STOPPED));

        assertThat(yaml).startsWith("- name: web1\n").doesNotContain("---");
        assertThat(yaml).contains("\n  profiles:\n  - default\n");
        JsonNode list = YAML_READER.readTree(yaml);
        assertThat(list).hasSize(2);
        JsonNode web = list.get(0);
        // Texts that look like a boolean or a number stay texts.
        assertThat(web.at("/config/security.privileged").isTextual()).isTrue();
        assertThat(web.at("/config/security.privileged").asText()).isEqualTo("true");
        assertThat(web.at("/config/limits.cpu").isTextual()).isTrue();
        assertThat(web.at("/config/limits.cpu").asText()).isEqualTo("2");
        assertThat(web.at("/config/cloud-init.user-data").asText()).isEqualTo("#cloud-config\npackages:\n  - nginx\n");
        assertThat(web.at("/description").asText()).isEqualTo("front, \"main\"");
        assertThat(web.at("/state/network/docker0/addresses/0/address").asText()).isEqualTo("172.17.0.1");
        assertThat(web.get("snapshot_count").asInt()).isEqualTo(2);
        assertThat(keys(web)).isEqualTo(keys(Json.MAPPER.readTree(TableExport.json(List.of(RUNNING))).get(0)));
        assertThat(list.get(1).get("state").isNull()).isTrue();
        assertThat(list.get(1).get("description").asText()).isEqualTo(" indented");
    }
}
