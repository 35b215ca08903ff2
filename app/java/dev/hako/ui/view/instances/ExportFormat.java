package dev.hako.ui.view.instances;

/** The formats the instance table is exported in: those {@code lxc list -f} knows. */
public enum ExportFormat { CSV, JSON, YAML }
