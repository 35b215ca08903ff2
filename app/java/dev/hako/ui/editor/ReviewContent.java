package dev.hako.ui.editor;

import dev.hako.model.config.ConfigMerge;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.EditTarget;
import java.util.List;

/**
 * What the review before saving shows: every key the save changes on the server (its
 * value there now and after), the line diff of the YAML, and whether the server can
 * refuse a concurrent change (it sends an ETag).
 */
public record ReviewContent(EditDocument document, EditTarget.Loaded current, List<ConfigMerge.Entry> changes,
                            List<LineDiff.Line> diff) {

    static ReviewContent of(EditDocument mine, EditTarget.Loaded current) {
        return new ReviewContent(mine, current, ConfigMerge.changes(current.document(), mine),
                LineDiff.diff(YamlCodec.toYaml(current.document()), YamlCodec.toYaml(mine)));
    }

    public boolean noEtag() {
        return current.etag() == null;
    }

    /** The changed keys ({@code config.limits.cpu}, {@code devices.eth0}, {@code description} …). */
    public List<String> changedKeys() {
        return changes.stream().map(ConfigMerge.Entry::key).toList();
    }
}
