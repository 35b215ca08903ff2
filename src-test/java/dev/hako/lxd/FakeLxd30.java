package dev.hako.lxd;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stand-in for an LXD 3.0.3 server (the LXD of Ubuntu 18.04), which cannot run here: over
 * HTTPS on 127.0.0.1 with a certificate to pin, it answers {@code GET /1.0} as that release does
 * to a trusted client (its {@code api_extensions} as listed in {@code shared/version/api.go} at
 * tag lxd-3.0.3, without {@code instances}), and everything else with the 404 "not found" LXD
 * gives for a path it does not serve, such as {@code /1.0/instances}.
 */
public final class FakeLxd30 implements AutoCloseable {

    public static final String VERSION = "3.0.3";

    /** {@code api_extensions} of LXD 3.0.3. */
    public static final List<String> EXTENSIONS = List.of(
            "storage_zfs_remove_snapshots", "container_host_shutdown_timeout", "container_stop_priority",
            "container_syscall_filtering", "auth_pki", "container_last_used_at", "etag", "patch",
            "usb_devices", "https_allowed_credentials", "image_compression_algorithm",
            "directory_manipulation", "container_cpu_time", "storage_zfs_use_refquota",
            "storage_lvm_mount_options", "network", "profile_usedby", "container_push",
            "container_exec_recording", "certificate_update", "container_exec_signal_handling", "gpu_devices",
            "container_image_properties", "migration_progress", "id_map", "network_firewall_filtering",
            "network_routes", "storage", "file_delete", "file_append", "network_dhcp_expiry",
            "storage_lvm_vg_rename", "storage_lvm_thinpool_rename", "network_vlan", "image_create_aliases",
            "container_stateless_copy", "container_only_migration", "storage_zfs_clone_copy",
            "unix_device_rename", "storage_lvm_use_thinpool", "storage_rsync_bwlimit",
            "network_vxlan_interface", "storage_btrfs_mount_options", "entity_description",
            "image_force_refresh", "storage_lvm_lv_resizing", "id_map_base", "file_symlinks",
            "container_push_target", "network_vlan_physical", "storage_images_delete",
            "container_edit_metadata", "container_snapshot_stateful_migration", "storage_driver_ceph",
            "storage_ceph_user_name", "resource_limits", "storage_volatile_initial_source",
            "storage_ceph_force_osd_reuse", "storage_block_filesystem_btrfs", "resources", "kernel_limits",
            "storage_api_volume_rename", "macaroon_authentication", "network_sriov", "console",
            "restrict_devlxd", "migration_pre_copy", "infiniband", "maas_network", "devlxd_events", "proxy",
            "network_dhcp_gateway", "file_get_symlink", "network_leases", "unix_device_hotplug",
            "storage_api_local_volume_handling", "operation_description", "clustering", "event_lifecycle",
            "storage_api_remote_volume_handling", "nvidia_runtime", "candid_authentication", "candid_config",
            "candid_config_key", "usb_optional_vendorid");

    private final MockWebServer server = new MockWebServer();
    private final HeldCertificate certificate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public FakeLxd30() throws IOException {
        certificate = new HeldCertificate.Builder().commonName("lxd30").addSubjectAlternativeName("127.0.0.1")
                .build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requests.add(request.getMethod() + " " + path);
                if ("GET".equals(request.getMethod()) && ("/1.0".equals(path) || "/1.0/".equals(path))) {
                    return json(200, serverJson());
                }
                return json(404, "{\"type\":\"error\",\"error\":\"not found\",\"error_code\":404,\"metadata\":null}");
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static String serverJson() {
        String extensions = String.join("\",\"", EXTENSIONS);
        return "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"operation\":\"\",\"error_code\":0,"
                + "\"error\":\"\",\"metadata\":{\"config\":{\"core.https_address\":\"127.0.0.1:8443\"},"
                + "\"api_extensions\":[\"" + extensions + "\"],\"api_status\":\"stable\",\"api_version\":\"1.0\","
                + "\"auth\":\"trusted\",\"public\":false,\"auth_methods\":[\"tls\"],\"environment\":{"
                + "\"addresses\":[\"127.0.0.1:8443\"],\"architectures\":[\"x86_64\",\"i686\"],\"certificate\":\"\","
                + "\"certificate_fingerprint\":\"\",\"driver\":\"lxc\",\"driver_version\":\"3.0.3\","
                + "\"kernel\":\"Linux\",\"kernel_architecture\":\"x86_64\",\"kernel_version\":\"4.15.0-213-generic\","
                + "\"server\":\"lxd\",\"server_pid\":1234,\"server_version\":\"" + VERSION + "\","
                + "\"storage\":\"dir\",\"storage_version\":\"1\",\"server_clustered\":false,"
                + "\"server_name\":\"bionic\",\"project\":\"\"}}}";
    }

    /** Where Hako reaches it: HTTPS on 127.0.0.1 with its certificate pinned (no client certificate needed). */
    public Endpoint endpoint() {
        return new Endpoint.Https("127.0.0.1", server.getPort(), null,
                CertificateFingerprint.sha256(certificate.certificate()));
    }

    /** Every request so far, as "METHOD /path", in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many times {@code GET /1.0} was asked. */
    public long serverReads() {
        return requests.stream().filter(r -> r.equals("GET /1.0") || r.equals("GET /1.0/")).count();
    }

    @Override
    public void close() {
        server.close();
    }
}
