package dev.hako.ui.cluster;

import dev.hako.lxd.LxdClient;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.ClusterMember;
import dev.hako.model.RemoteModel;
import dev.hako.model.Workspace;
import dev.hako.remote.cluster.ClusterJoin;
import dev.hako.ui.common.TaskExecutor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/** The join's servers as the workspace's remotes: clients read when asked (a remote may have reconnected). */
final class JoinServers implements JoinClusterViewModel.Servers {

    private final TaskExecutor tasks;
    private final Workspace workspace;

    JoinServers(TaskExecutor tasks, Workspace workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
    }

    private LxdClient client(String remote) {
        RemoteModel model = workspace.remote(remote);
        LxdClient client = model == null ? null : model.client();
        if (client == null) {
            throw new UnreachableException(remote, null);
        }
        return client;
    }

    @Override
    public ClusterJoin.Preflight check(String joining, String cluster, String member) {
        return ClusterJoin.check(client(joining), client(cluster), member);
    }

    @Override
    public ClusterMember join(String joining, String cluster, ClusterJoin.Request request,
                              Consumer<ClusterJoin.Step> step) {
        return ClusterJoin.join(client(joining), client(cluster), request, step);
    }

    @Override
    public List<X509Certificate> keepTrusted(String joining) {
        return MemberCertificates.clientCertificates(workspace.remote(joining));
    }

    @Override
    public void joined(String joining, String cluster, String clusterCertificate) {
        RemoteModel from = workspace.remote(joining);
        if (from != null) {
            MemberCertificates.repin(tasks, workspace, from, clusterCertificate);
        }
        RemoteModel to = workspace.remote(cluster);
        if (to != null) {
            to.refresh();
        }
    }
}
