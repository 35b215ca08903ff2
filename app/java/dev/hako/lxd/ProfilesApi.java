package dev.hako.lxd;

import dev.hako.lxd.api.Profile;
import dev.hako.lxd.api.ProfilePut;
import dev.hako.lxd.api.ProfilesPost;
import dev.hako.lxd.api.Tagged;
import java.util.List;
import java.util.Map;

/** {@code /1.0/profiles}. */
public final class ProfilesApi extends ResourceApi {

    ProfilesApi(LxdClient client) {
        super(client);
    }

    private static String path(String name) {
        return "/1.0/profiles/" + seg(name);
    }

    public List<Profile> list() {
        return list("/1.0/profiles", Profile.class);
    }

    public Tagged<Profile> get(String name) {
        return getTagged(path(name), Profile.class);
    }

    public void create(ProfilesPost request) {
        sync("POST", "/1.0/profiles", request, null);
    }

    public void update(String name, ProfilePut put, String etag) {
        sync("PUT", path(name), put, etag);
    }

    public void patch(String name, ProfilePut patch, String etag) {
        sync("PATCH", path(name), patch, etag);
    }

    public void rename(String name, String newName) {
        sync("POST", path(name), Map.of("name", newName), null);
    }

    public void delete(String name) {
        sync("DELETE", path(name), null, null);
    }
}
