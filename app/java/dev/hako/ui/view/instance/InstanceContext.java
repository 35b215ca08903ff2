package dev.hako.ui.view.instance;

import dev.hako.model.RemoteModel;
import dev.hako.ui.common.I18n;

/** What a tab of an instance's detail view works with: the remote (and its client), the instance's name, the language. */
public record InstanceContext(RemoteModel remote, String instanceName, I18n i18n) {
}
