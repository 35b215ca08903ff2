package dev.hako.lxd;

import dev.hako.lxd.api.Project;
import dev.hako.lxd.api.ProjectPut;
import dev.hako.lxd.api.ProjectsPost;
import dev.hako.lxd.api.Tagged;
import java.util.List;
import java.util.Map;

/** {@code /1.0/projects}. */
public final class ProjectsApi extends ResourceApi {

    ProjectsApi(LxdClient client) {
        super(client);
    }

    private static String path(String name) {
        return "/1.0/projects/" + seg(name);
    }

    public List<Project> list() {
        return list("/1.0/projects", Project.class);
    }

    public Tagged<Project> get(String name) {
        return getTagged(path(name), Project.class);
    }

    public void create(ProjectsPost request) {
        sync("POST", "/1.0/projects", request, null);
    }

    public void update(String name, ProjectPut put, String etag) {
        sync("PUT", path(name), put, etag);
    }

    public RunningOperation rename(String name, String newName) {
        return async("POST", path(name), Map.of("name", newName), null);
    }

    public void delete(String name) {
        sync("DELETE", path(name), null, null);
    }
}
