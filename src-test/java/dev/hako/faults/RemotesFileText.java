package dev.hako.faults;

import dev.hako.remote.RemoteConfig;
import dev.hako.remote.RemotesFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** One remote's entry as Hako writes it into {@code remotes.yml}, to build damaged files around it. */
final class RemotesFileText {

    private RemotesFileText() {
    }

    static String entry(RemoteConfig remote) throws Exception {
        Path directory = FaultReport.workDirectory("entry");
        RemotesFile.load(directory).add(remote);
        String text = Files.readString(directory.resolve(RemotesFile.FILE_NAME));
        return text.substring(text.indexOf("\n- ") + 1);
    }
}
