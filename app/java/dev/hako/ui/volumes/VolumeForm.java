package dev.hako.ui.volumes;

import dev.hako.lxd.ServerKind;
import dev.hako.ui.common.CheckedForm;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;

/** What every volume form shares beyond {@link CheckedForm}: the server's kind and the remote, for the command lines. */
abstract class VolumeForm extends CheckedForm {

    protected final ServerKind kind;
    /** The remote's name, for the command lines ({@code remote:pool}, {@code remote:instance}). */
    protected final String remote;

    VolumeForm(I18n i18n, TaskExecutor tasks, DialogService dialogs, ServerKind kind, String remote) {
        super(i18n, tasks, dialogs);
        this.kind = kind;
        this.remote = remote;
    }

    /** The instance names in a volume's {@code used_by} URLs ({@code /1.0/instances/c1?project=p}). */
    static java.util.List<String> instancesIn(java.util.List<String> usedBy) {
        if (usedBy == null) {
            return java.util.List.of();
        }
        String prefix = "/1.0/instances/";
        return usedBy.stream().filter(u -> u.startsWith(prefix)).map(u -> {
            String rest = u.substring(prefix.length());
            int query = rest.indexOf('?');
            String name = query < 0 ? rest : rest.substring(0, query);
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        }).filter(n -> !n.contains("/")).toList();
    }
}
