# Shared steps of the Linux and macOS installer builds; sourced, not run.
#
# Inputs:  OS (linux|mac), ROOT (the project), OUT (target/installer)
# Results: $INPUT      the jars jpackage puts in lib/app (class path), the JavaFX
#                      native libraries and hako.classlist (the AppCDS class list)
#          $RUNTIME    a runtime trimmed with jlink
#          $VERSION    the project version from pom.xml
#
# Why the class path and not the module path: the launcher dev.hako.Main does not
# extend Application, and ControlsFX, RichTextFX and JediTermFX reach into JavaFX
# internals, which on the module path would need a long, brittle list of
# --add-exports/--add-opens. So the runtime holds only JDK modules, and the JavaFX
# jars from Maven sit on the class path with every other jar, exactly as in the
# tests. Their native libraries are unpacked next to the jars and found through
# -Djava.library.path=$APPDIR, so JavaFX does not unpack them into the user's home
# on the first start.

MODULES=java.base,java.desktop,java.logging,java.naming,java.sql,java.xml,java.management,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets
APP_NAME=Hako
MAIN_CLASS=dev.hako.Main
DESCRIPTION="Desktop console for LXD and Incus container servers"
VENDOR="Hako project"
COPYRIGHT="Copyright the Hako authors"
# java options of the launcher; $APPDIR is expanded by the jpackage launcher.
# -XX:TieredStopAtLevel=1 runs the JIT as the old desktop "client" VM did (C1 only):
# measured with src-test/bench/startup.sh on 2 cores, the C2 compiler otherwise
# spends ~600 ms of CPU before the first frame, competing with the FX thread; a
# console whose hot paths are JSON parsing and layout loses little peak speed.
# C1 only also keeps ~70 MB of compiler arenas and code cache out of the resident
# set, and the heap free ratios with a periodic collection hand memory back to the
# system after a burst (src-test/bench/tree-load.sh: 414 MB resident with G1 and C2,
# 346 MB with C1, 307 MB with the ratios too, in the same session).
JAVA_OPTIONS=(-Djava.library.path=\$APPDIR -Dfile.encoding=UTF-8 -Xss2m -XX:TieredStopAtLevel=1 -Xmx256m
              -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:G1PeriodicGCInterval=60000 -XX:MaxHeapFreeRatio=30
              -XX:MinHeapFreeRatio=10)

log() { printf '[installer] %s\n' "$*" >&2; }

project_version() {
  (cd "$ROOT" && mvn -B -q -DforceStdout help:evaluate -Dexpression=project.version) | sed 's/\x1b\[[0-9;]*m//g' | tail -n 1
}

# Builds the jar and collects the runtime dependencies into $INPUT.
collect_input() {
  VERSION=$(project_version)
  [ -n "$VERSION" ] || { log "cannot read the version from pom.xml"; exit 1; }
  INPUT="$OUT/input"
  rm -rf "$INPUT"
  mkdir -p "$INPUT"
  log "version $VERSION: building the jar and collecting dependencies"
  (cd "$ROOT" && mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$INPUT")
  cp "$ROOT/target/hako-$VERSION.jar" "$INPUT/"
  # Maven's javafx-* jars without a platform classifier are empty; the pom is junixsocket's aggregator.
  find "$INPUT" -maxdepth 1 \( -regex '.*/javafx-[a-z]*-[0-9.]*\.jar' -o -name '*.pom' \) -print0 | xargs -0 rm -f
  local lib
  case "$OS" in linux) lib='*.so' ;; mac) lib='*.dylib' ;; esac
  for jar in "$INPUT"/javafx-*.jar; do
    (cd "$INPUT" && unzip -q -o -j "$jar" "$lib" 2>/dev/null || true)
  done
}

# A runtime with only the JDK modules the app uses, Japanese and English locale data,
# and the JDK's default CDS archive (the base the app's archive builds on).
link_runtime() {
  RUNTIME="$OUT/runtime"
  rm -rf "$RUNTIME"
  log "jlink: $MODULES"
  jlink --add-modules "$MODULES" --include-locales=en,ja --strip-debug --no-header-files --no-man-pages \
    --compress=2 --generate-cds-archive --output "$RUNTIME" >/dev/null
}

# The class path in the order the jpackage launcher writes it (main jar first, then
# the others as jpackage lists the input directory).
input_class_path() {
  local cp="$INPUT/hako-$VERSION.jar" jar
  for jar in "$INPUT"/*.jar; do
    [ "$jar" = "$INPUT/hako-$VERSION.jar" ] || cp="$cp:$jar"
  done
  echo "$cp"
}

# Records which classes a start up to the first frame loads (empty workspace, so the
# welcome page is included): the list the AppCDS archive is dumped from at install.
record_class_list() {
  log "recording the classes loaded up to the first frame"
  local home run
  home=$(mktemp -d)
  run=(env -u LXD_DIR -u LXD_SOCKET -u INCUS_DIR -u INCUS_SOCKET HOME="$home" XDG_CONFIG_HOME="$home/.config"
       "$RUNTIME/bin/java" -XX:DumpLoadedClassList="$INPUT/hako.classlist" -Djava.library.path="$INPUT"
       -Dhako.startup.report=true -Dhako.startup.exit=true -cp "$(input_class_path)" "$MAIN_CLASS")
  if [ "$OS" = linux ] && [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || { log "xvfb-run is needed to record the class list"; exit 1; }
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}" >"$OUT/classlist.log" 2>&1
  else
    timeout 120 "${run[@]}" >"$OUT/classlist.log" 2>&1
  fi
  rm -rf "$home"
  grep -q '^hako.firstFrame=' "$OUT/classlist.log" || { log "the training start failed:"; cat "$OUT/classlist.log" >&2; exit 1; }
  log "$(grep -vc '^@' "$INPUT/hako.classlist") classes recorded"
}
