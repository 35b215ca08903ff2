package dev.hako.model.history;

/**
 * What the task history is narrowed to; a null (or blank) field narrows nothing.
 * {@code text} is searched in the description, objects, remote, error and command.
 */
public record TaskFilter(String text, String remote, String kind, TaskRecord.Result result, Boolean startedHere) {

    public static final TaskFilter ALL = new TaskFilter(null, null, null, null, null);

    public boolean matches(TaskRecord task) {
        return task.mentions(text)
                && (remote == null || remote.equals(task.remote()))
                && (kind == null || kind.equals(task.description()))
                && (result == null || result == task.result())
                && (startedHere == null || startedHere == task.startedHere());
    }
}
