package dev.hako.ui.tree;

import dev.hako.lxd.api.ClusterMember;
import dev.hako.lxd.api.Image;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.Network;
import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.Project;
import dev.hako.lxd.api.StoragePool;
import dev.hako.model.ConnectionState;
import dev.hako.model.PoolVolume;

/** What a tree row shows: small immutable values, replaced (never mutated) when the model changes. */
public sealed interface TreeEntry {

    String remote();

    /** The text the filter box matches against. */
    String searchText();

    /** Every remote at once: the overview across servers and the all-remotes instance table. */
    record AllRemotesEntry(int remotes) implements TreeEntry {
        /** It belongs to no one remote. */
        @Override
        public String remote() {
            return "";
        }

        @Override
        public String searchText() {
            return "";
        }
    }

    /** A remote server and whether it answers. */
    record RemoteEntry(String remote, ConnectionState state) implements TreeEntry {
        @Override
        public String searchText() {
            return remote;
        }
    }

    /** A group of objects under a remote, with their count. */
    record GroupEntry(String remote, Group group, int count) implements TreeEntry {
        @Override
        public String searchText() {
            return "";
        }
    }

    record InstanceEntry(String remote, Instance instance) implements TreeEntry {
        @Override
        public String searchText() {
            StringBuilder text = new StringBuilder(instance.name()).append(' ').append(instance.status());
            if (instance.config() != null) {
                instance.config().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            }
            return text.toString();
        }
    }

    record ImageEntry(String remote, Image image) implements TreeEntry {
        public String label() {
            return labelOf(image);
        }

        /** The first alias, else the short fingerprint, as the CLI lists images. */
        public static String labelOf(Image image) {
            if (image.aliases() != null && !image.aliases().isEmpty()) {
                return image.aliases().get(0).name();
            }
            return image.shortFingerprint();
        }

        @Override
        public String searchText() {
            return label() + ' ' + image.fingerprint() + ' ' + (image.properties() == null ? ""
                    : image.properties().values());
        }
    }

    record PoolEntry(String remote, StoragePool pool) implements TreeEntry {
        @Override
        public String searchText() {
            return pool.name() + ' ' + pool.driver();
        }
    }

    record VolumeEntry(String remote, PoolVolume volume) implements TreeEntry {
        @Override
        public String searchText() {
            return volume.volume().name() + ' ' + volume.pool();
        }
    }

    record NetworkEntry(String remote, Network network) implements TreeEntry {
        @Override
        public String searchText() {
            return network.name() + ' ' + network.type();
        }
    }

    record ProfileEntry(String remote, Profile profile) implements TreeEntry {
        @Override
        public String searchText() {
            return profile.name();
        }
    }

    record ProjectEntry(String remote, Project project) implements TreeEntry {
        @Override
        public String searchText() {
            return project.name();
        }
    }

    record MemberEntry(String remote, ClusterMember member) implements TreeEntry {
        @Override
        public String searchText() {
            return member.serverName() + ' ' + member.status();
        }
    }

    /** The top-level group of image servers (the CLIs' built-ins and the user's simplestreams remotes). */
    record ImageServersEntry(int count) implements TreeEntry {
        /** It belongs to no remote. */
        @Override
        public String remote() {
            return "";
        }

        @Override
        public String searchText() {
            return "";
        }
    }

    /** One image server; its images are read only when it is opened. */
    record ImageServerEntry(dev.hako.remote.simplestreams.ImageServer server) implements TreeEntry {
        /** It belongs to no remote. */
        @Override
        public String remote() {
            return "";
        }

        @Override
        public String searchText() {
            return server.name() + ' ' + server.address();
        }
    }

    /** The kinds of group a remote has. */
    enum Group {
        INSTANCES("tree.group.instances"),
        IMAGES("tree.group.images"),
        STORAGE_POOLS("tree.group.storagePools"),
        NETWORKS("tree.group.networks"),
        PROFILES("tree.group.profiles"),
        PROJECTS("tree.group.projects"),
        CLUSTER_MEMBERS("tree.group.clusterMembers");

        final String messageKey;

        Group(String messageKey) {
            this.messageKey = messageKey;
        }
    }
}
