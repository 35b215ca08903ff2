package dev.hako.ui.view.lists;

/** The formats a table is exported in: those {@code lxc … list -f} knows. */
public enum ExportFormat { CSV, JSON, YAML }
