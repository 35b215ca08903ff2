package dev.hako.ui.view.instance;

/** Makes one kind of tab for an instance's detail view. */
@FunctionalInterface
public interface InstanceTabFactory {

    InstanceTab create(InstanceContext context, dev.hako.lxd.api.Instance instance);
}
