package dev.hako.ui.wizard.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ExplainedException;
import dev.hako.lxd.Json;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.OperationFailedException;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.InstancesPost;
import dev.hako.lxd.api.Operation;
import dev.hako.lxd.api.Server;
import dev.hako.model.RemoteModel;
import dev.hako.remote.RemoteConfig;
import dev.hako.remote.ServerCertificate;
import dev.hako.remote.creation.CreationRollback;
import dev.hako.remote.creation.CreationRollback.Undo;
import dev.hako.remote.creation.InstanceCreation;
import dev.hako.remote.creation.InstanceCreation.Step;
import dev.hako.remote.creation.OperationProgress;
import dev.hako.remote.simplestreams.SimplestreamsClient;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.wizard.instance.NewInstanceViewModel.Page;
import dev.hako.ui.wizard.instance.NewInstanceViewModel.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The wizard's state without a toolkit or a server: what each page refuses, how the
 * pages follow each other, which request a form makes, how the view model answers the
 * creation's outcomes, and what the creation undoes after a failure at each step.
 */
class NewInstanceViewModelTest {

    private static final ImageChoice BUSYBOX = image("busybox", "Busybox", "1.36", "x86_64",
            Map.of("container", "fpbox"), true);
    private static final ImageChoice ALPINE_ARM = image("alpine/3.19", "Alpine", "3.19", "aarch64",
            Map.of("container", "fpalpine"), true);
    private static final ImageChoice DEBIAN = image("debian/12", "Debian", "12", "x86_64",
            linked("container", "fpct", "virtual-machine", "fpvm"), true);
    private static final ImageChoice PRIVATE = image("secret", "Busybox", "1.36", "x86_64",
            Map.of("container", "fppriv"), false);
    private static final RemoteConfig IMAGE_SERVER = new RemoteConfig("images", "https://images.example",
            RemoteConfig.Protocol.SIMPLESTREAMS, null, null, null, null);

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final Map<Class<?>, Function<ImageSource, ImageCatalogue.Listing>> listings = new HashMap<>();
    private final ScriptedCreator creator = new ScriptedCreator();
    private RemoteModel lab;
    private RemoteModel other;
    private TargetServer target;
    private NewInstanceViewModel model;

    private static ImageChoice image(String name, String os, String release, String arch,
                                     Map<String, String> fingerprints, boolean isPublic) {
        Map<String, Long> sizes = new HashMap<>();
        fingerprints.keySet().forEach(type -> sizes.put(type, 1024L));
        return new ImageChoice(name, List.of(name), os, release, arch, "default", fingerprints, sizes,
                os + " " + release, isPublic);
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Server server(String driver, boolean cloudInit) throws Exception {
        return Json.MAPPER.readValue("{\"api_extensions\": " + (cloudInit ? "[\"cloud_init\"]" : "[]")
                + ", \"environment\": {\"driver\": \"" + driver + "\", \"architectures\": [\"x86_64\", \"i686\"]}}",
                Server.class);
    }

    /** Records the orders it is given and answers with what the test scripted. */
    private static final class ScriptedCreator implements InstanceCreator {
        final List<InstanceCreation.Order> orders = new ArrayList<>();
        java.util.function.BiFunction<InstanceCreation.Order, InstanceCreation.Listener, InstanceCreation.Outcome>
                answer = (order, listener) -> new InstanceCreation.Outcome(order.request().name(), null);
        int cancels;

        @Override
        public InstanceCreation.Outcome create(InstanceCreation.Order order, InstanceCreation.Listener listener) {
            orders.add(order);
            return answer.apply(order, listener);
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    private final ImageCatalogue catalogue = new ImageCatalogue() {
        @Override
        public Listing read(ImageSource source) {
            return listings.get(source.getClass()).apply(source);
        }

        @Override
        public ServerCertificate probe(RemoteConfig imageServer) {
            throw new AssertionError("no certificate check in these tests");
        }
    };

    @BeforeEach
    void openWizard() throws Exception {
        lab = new RemoteModel("lab", new Endpoint.UnixSocket(Path.of("/nonexistent/lab.socket")));
        other = new RemoteModel("other", new Endpoint.UnixSocket(Path.of("/nonexistent/other.socket")));
        listings.put(ImageSource.Own.class, source -> new ImageCatalogue.Listing(
                List.of(ALPINE_ARM, BUSYBOX, DEBIAN), ImageOrigin.local()));
        target = new TargetServer("lab", server("lxc | qemu", true), ServerKind.LXD).with(
                List.of("web", "default", "big"), List.of("fast", "default"), List.of("lxdbr0"), List.of(),
                List.of("taken"));
        model = open(target);
    }

    private NewInstanceViewModel open(TargetServer server) {
        NewInstanceViewModel opened = new NewInstanceViewModel(new CurrentThreadTaskExecutor(), dialogs, i18n,
                server, List.of(new ImageSource.Own(lab), new ImageSource.OtherRemote(other),
                new ImageSource.ImageServer(IMAGE_SERVER)), catalogue, null, creator);
        opened.start();
        return opened;
    }

    @AfterEach
    void close() {
        lab.close();
        other.close();
    }

    private void choose(ImageChoice image) {
        model.image().imageProperty().set(image);
    }

    /** Fills the settings page the way a person does, and goes to the summary. */
    private void fillAndGoToSummary(String name) {
        assertThat(model.next()).isTrue();
        model.settings().nameProperty().set(name);
        assertThat(model.next()).isTrue();
    }

    @Nested
    class ImagePage {

        @Test
        void readsTheFirstSourceAndStartsOnTheServersArchitecture() {
            assertThat(model.image().sourceProperty().get()).isInstanceOf(ImageSource.Own.class);
            assertThat(model.image().architecture().choices()).containsExactly("", "aarch64", "x86_64");
            assertThat(model.image().architecture().value().get()).isEqualTo("x86_64");
            assertThat(model.image().shownImages()).containsExactly(BUSYBOX, DEBIAN);
            assertThat(model.image().statusProperty().get()).isEqualTo("Images: 3");
        }

        @Test
        void needsAnImageAndChoosesALoneMatch() {
            assertThat(model.problem(Page.IMAGE)).isEqualTo("Choose an image.");
            model.image().searchProperty().set("debian 12");
            assertThat(model.image().imageProperty().get()).isEqualTo(DEBIAN);
            assertThat(model.problem(Page.IMAGE)).isNull();
            // Narrowed away, the choice is dropped rather than kept out of sight.
            model.image().searchProperty().set("busybox");
            assertThat(model.image().imageProperty().get()).isEqualTo(BUSYBOX);
            model.image().searchProperty().set("nothing like it");
            assertThat(model.image().imageProperty().get()).isNull();
            assertThat(model.problem(Page.IMAGE)).isEqualTo("Choose an image.");
        }

        @Test
        void aListingThatFailsSaysWhyInTheUsersLanguage() {
            listings.put(ImageSource.ImageServer.class, source -> {
                throw new ExplainedException("no address", "newinstance.problem.noAddress", "images");
            });
            model.image().sourceProperty().set(model.image().sources().get(2));
            assertThat(model.problem(Page.IMAGE)).startsWith("The image list could not be read: images does not")
                    .doesNotContain("no address");
            assertThat(model.image().trustOfferedProperty().get()).isFalse();
            assertThat(model.image().shownImages()).isEmpty();
            i18n.setLocale(Locale.JAPANESE);
            assertThat(model.problem(Page.IMAGE)).startsWith("イメージの一覧を読み込めませんでした");
        }
    }

    @Nested
    class SettingsPage {

        @BeforeEach
        void chooseDebian() {
            choose(DEBIAN);
            assertThat(model.next()).isTrue();
        }

        private String problem() {
            return model.problem(Page.SETTINGS);
        }

        @Test
        void offersTheImagesTypesAndChecksTheName() {
            assertThat(model.settings().types()).containsExactly("container", "virtual-machine");
            assertThat(model.settings().typeFixedProperty().get()).isFalse();
            // Blank is fine: the server chooses a name, as lxc launch does without one.
            assertThat(problem()).isNull();
            model.settings().nameProperty().set("9lives");
            assertThat(problem()).isEqualTo("A name cannot start with a digit or a hyphen.");
            model.settings().nameProperty().set("taken");
            assertThat(problem()).isEqualTo("An instance named taken already exists on lab. Choose another name.");
            model.settings().nameProperty().set("web1");
            assertThat(problem()).isNull();
            // The instance list is live: a web1 made elsewhere meanwhile is refused at once.
            target.instances().add("web1");
            assertThat(problem()).contains("web1 already exists");
        }

        @Test
        void refusesVmsOnAServerWithoutQemu() throws Exception {
            model = open(new TargetServer("box", server("lxc", false), ServerKind.INCUS).with(List.of("default"),
                    List.of(), List.of(), List.of(), List.of()));
            choose(DEBIAN);
            model.next();
            model.settings().nameProperty().set("vm1");
            model.settings().typeProperty().set("virtual-machine");
            assertThat(problem()).isEqualTo("box cannot run virtual machines (no QEMU driver).");
            model.settings().typeProperty().set("container");
            assertThat(problem()).isNull();
        }

        @Test
        void presetsFillTheLimitsAndCustomLimitsAreChecked() {
            model.settings().nameProperty().set("web1");
            model.settings().presetProperty().set(InstanceRequest.Preset.LARGE);
            assertThat(model.settings().cpuProperty().get()).isEqualTo("4");
            assertThat(model.settings().memoryProperty().get()).isEqualTo("8GiB");
            assertThat(model.settings().customLimitsProperty().get()).isFalse();
            model.settings().presetProperty().set(InstanceRequest.Preset.CUSTOM);
            assertThat(model.settings().customLimitsProperty().get()).isTrue();
            model.settings().cpuProperty().set("two");
            assertThat(problem()).startsWith("CPU:");
            model.settings().cpuProperty().set("0-3");
            model.settings().memoryProperty().set("1.5GiB");
            assertThat(problem()).startsWith("Memory:");
            model.settings().memoryProperty().set("50%");
            assertThat(problem()).isNull();
        }

        @Test
        void userDataMustBeCloudConfigOrAScript() {
            model.settings().nameProperty().set("web1");
            model.settings().userDataProperty().set("packages: [htop]");
            assertThat(problem()).startsWith("Cloud-init user-data must start with #cloud-config");
            model.settings().userDataProperty().set("#cloud-config\nhostname: [unclosed");
            assertThat(problem()).startsWith("Cloud-init user-data is not valid YAML (line ");
            i18n.setLocale(Locale.JAPANESE);
            // The parser's English words stay out of the Japanese sentence.
            assertThat(problem()).startsWith("cloud-init ユーザーデータが正しい YAML ではありません").doesNotContain("expected");
            model.settings().userDataProperty().set("#!/bin/sh\necho hi");
            assertThat(problem()).isNull();
        }

        @Test
        void choicesFollowTheTargetsLiveLists() {
            assertThat(model.settings().poolChoices()).containsExactly("", "default", "fast");
            assertThat(model.settings().clusteredProperty().get()).isFalse();
            target.pools().add("slow");
            target.members().setAll("m1", "m2");
            assertThat(model.settings().poolChoices()).containsExactly("", "default", "fast", "slow");
            assertThat(model.settings().memberChoices()).containsExactly("", "m1", "m2");
            assertThat(model.settings().clusteredProperty().get()).isTrue();
        }
    }

    @Nested
    class PageFlow {

        @Test
        void goesOnOnlyWhenThePageIsRight() {
            assertThat(model.next()).isFalse();
            assertThat(model.pageProperty().get()).isEqualTo(Page.IMAGE);
            choose(BUSYBOX);
            assertThat(model.next()).isTrue();
            assertThat(model.pageProperty().get()).isEqualTo(Page.SETTINGS);
            assertThat(model.settings().types()).containsExactly("container");
            assertThat(model.settings().typeFixedProperty().get()).isTrue();
            model.settings().nameProperty().set("9lives");
            assertThat(model.next()).isFalse();
            model.settings().nameProperty().set("web1");
            assertThat(model.next()).isTrue();
            assertThat(model.pageProperty().get()).isEqualTo(Page.SUMMARY);
            assertThat(model.next()).isFalse();
            assertThat(model.back()).isTrue();
            assertThat(model.back()).isTrue();
            assertThat(model.back()).isFalse();
            assertThat(model.pageProperty().get()).isEqualTo(Page.IMAGE);
        }

        @Test
        void theTypeChosenIsKeptWhenTheNextImageOffersIt() {
            choose(DEBIAN);
            model.next();
            model.settings().typeProperty().set("virtual-machine");
            model.back();
            model.image().searchProperty().set("");
            choose(BUSYBOX);
            model.next();
            assertThat(model.settings().typeProperty().get()).isEqualTo("container");
            model.back();
            choose(DEBIAN);
            model.settings().typeProperty().set("virtual-machine");
            model.next();
            assertThat(model.settings().typeProperty().get()).isEqualTo("virtual-machine");
        }
    }

    @Nested
    class Request {

        @Test
        void fromTheServersOwnImageWithEverySetting() {
            choose(DEBIAN);
            model.next();
            SettingsStepViewModel settings = model.settings();
            settings.nameProperty().set(" web1 ");
            settings.typeProperty().set("virtual-machine");
            settings.chosenProfiles().add("web");
            settings.presetProperty().set(InstanceRequest.Preset.MEDIUM);
            settings.poolProperty().set("fast");
            settings.networkProperty().set("lxdbr0");
            settings.userDataProperty().set("#cloud-config\nhostname: web1");
            assertThat(model.next()).isTrue();

            InstancesPost post = model.request(null);
            assertThat(post.name()).isEqualTo("web1");
            assertThat(post.type()).isEqualTo("virtual-machine");
            assertThat(post.source().type()).isEqualTo("image");
            assertThat(post.source().fingerprint()).isEqualTo("fpvm");
            assertThat(post.source().server()).isNull();
            // The target's order, not the order of the clicks.
            assertThat(post.profiles()).containsExactly("default", "web");
            assertThat(post.config()).containsEntry("limits.cpu", "2").containsEntry("limits.memory", "2GiB")
                    .containsEntry("cloud-init.user-data", "#cloud-config\nhostname: web1");
            assertThat(post.devices()).containsOnlyKeys("root", "eth0");
            assertThat(post.devices().get("root")).containsEntry("pool", "fast");
            assertThat(model.previewProperty().get()).startsWith("# POST /1.0/instances\n")
                    .contains("name: web1").contains("# PUT /1.0/instances/web1/state\naction: start");
        }

        @Test
        void leavesToTheProfilesWhatWasNotChosen() {
            choose(BUSYBOX);
            fillAndGoToSummary("web1");
            model.settings().startProperty().set(false);
            InstancesPost post = model.request(null);
            assertThat(post.profiles()).containsExactly("default");
            assertThat(post.config()).isNull();
            assertThat(post.devices()).isNull();
            model.enter(Page.SUMMARY);
            assertThat(model.previewProperty().get()).doesNotContain("action: start");
        }

        @Test
        void fromAnImageServerTheTargetPulls() {
            listings.put(ImageSource.ImageServer.class, source -> new ImageCatalogue.Listing(List.of(BUSYBOX),
                    ImageOrigin.simplestreams("https://images.example", "PEM")));
            model.image().sourceProperty().set(model.image().sources().get(2));
            assertThat(model.image().imageProperty().get()).isEqualTo(BUSYBOX);
            fillAndGoToSummary("pulled");
            InstancesPost post = model.request(null);
            assertThat(post.source().server()).isEqualTo("https://images.example");
            assertThat(post.source().protocol()).isEqualTo("simplestreams");
            assertThat(post.source().mode()).isEqualTo("pull");
            assertThat(post.source().certificate()).isEqualTo("PEM");
            assertThat(post.source().secret()).isNull();
            assertThat(model.previewProperty().get()).contains("pinned certificate");
        }

        @Test
        void aPrivateImageOfAnotherRemoteNeedsThatRemoteOnline() {
            listings.put(ImageSource.OtherRemote.class, source -> new ImageCatalogue.Listing(List.of(PRIVATE),
                    ImageOrigin.otherRemote("https://10.0.0.2:8443", "CERT", other)));
            model.image().sourceProperty().set(model.image().sources().get(1));
            fillAndGoToSummary("copy1");
            assertThat(model.previewProperty().get()).contains("protocol: lxd").contains("(one-time secret)");
            model.finish();
            // The other remote is offline here: nothing is sent, and the user is told why.
            assertThat(creator.orders).isEmpty();
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.FAILED);
            assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
                assertThat(shown.header()).isEqualTo("Could not create the instance copy1");
                assertThat(shown.text()).contains("other");
            });
        }
    }

    @Nested
    class Creation {

        @BeforeEach
        void fill() {
            choose(BUSYBOX);
            fillAndGoToSummary("web1");
        }

        @Test
        void sendsTheOrderAndShowsTheServersProgress() {
            List<String> seen = new ArrayList<>();
            creator.answer = (order, listener) -> {
                listener.progress(new OperationProgress(0.42, "rootfs: 42% (3.10MB/s)"));
                seen.add(model.progressTextProperty().get() + " @" + model.progressProperty().get());
                listener.step(Step.START);
                seen.add(model.progressTextProperty().get());
                return new InstanceCreation.Outcome(order.request().name(), null);
            };
            model.finish();
            InstanceCreation.Order order = creator.orders.get(0);
            assertThat(order.targetName()).isEqualTo("lab");
            assertThat(order.request().name()).isEqualTo("web1");
            assertThat(order.member()).isNull();
            assertThat(order.start()).isTrue();
            assertThat(order.imageOwner()).isNull();
            assertThat(seen).containsExactly("Server: rootfs: 42% (3.10MB/s) @0.42", "Created. Starting…");
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.CREATED);
            assertThat(dialogs.shown()).isEmpty();
        }

        @Test
        void withoutANameTheServerChoosesOneAndTheSummarySaysSo() {
            model.back();
            model.back();
            fillAndGoToSummary("");
            assertThat(model.problem(Page.SUMMARY)).isNull();
            assertThat(model.serverChoosesName()).isTrue();
            assertThat(model.previewProperty().get()).contains("# no name: the server chooses one")
                    .doesNotContain("\nname: ").contains("# PUT /1.0/instances/<name>/state");
            assertThat(model.commandProperty().get()).startsWith("lxc launch busybox ").doesNotContain("web1");
            creator.answer = (order, listener) -> new InstanceCreation.Outcome("sure-gnat", null);
            model.finish();
            assertThat(creator.orders.get(0).request().name()).isNull();
            assertThat(model.createdName()).isEqualTo("sure-gnat");
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.CREATED);
        }

        @Test
        void aFailedStartKeepsTheInstanceAndSaysSo() {
            LxdException refused = new LxdException("start failed", 400, "Failed to start device \"eth1\"");
            creator.answer = (order, listener) -> new InstanceCreation.Outcome("web1", refused);
            model.finish();
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.CREATED);
            assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
                assertThat(shown.header()).startsWith("Instance web1 was created but did not start");
                assertThat(shown.text()).isEqualTo("Failed to start device \"eth1\"");
            });
        }

        @Test
        void aNameTakenMeanwhileIsRefusedOnThePage() {
            creator.answer = (order, listener) -> {
                throw new InstanceCreation.Failed(Step.CHECK_NAME, List.of(), false, new ExplainedException("taken",
                        "newinstance.problem.taken", "web1", "lab"));
            };
            model.finish();
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.FAILED);
            assertThat(model.problem(Page.SUMMARY)).contains("web1 already exists on lab");
            assertThat(dialogs.shown()).singleElement().satisfies(shown ->
                    assertThat(shown.text()).isEqualTo("An instance named web1 already exists on lab. Choose another name."));
            assertThat(model.progressShownProperty().get()).isFalse();
        }

        @Test
        void aFailureLeavesTheFormAndTellsWhatIsLeft() {
            creator.answer = (order, listener) -> {
                throw new InstanceCreation.Failed(Step.CREATE, List.of(Undo.DELETE_INSTANCE), true,
                        new LxdException("create failed", 500, "No space left on device"));
            };
            model.finish();
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.FAILED);
            assertThat(model.progressTextProperty().get()).startsWith("Not created: No space left on device")
                    .contains("web1 could not be removed");
            assertThat(model.settings().nameProperty().get()).isEqualTo("web1");
            assertThat(model.problem(Page.SUMMARY)).isNull();
            // Finish again once the cause is fixed.
            creator.answer = (order, listener) -> new InstanceCreation.Outcome("web1", null);
            model.finish();
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.CREATED);
            assertThat(creator.orders).hasSize(2);
        }

        @Test
        void cancelWhileCreatingAsksTheServerToStop() {
            List<String> seen = new ArrayList<>();
            creator.answer = (order, listener) -> {
                model.cancelCreation();
                seen.add(model.progressTextProperty().get());
                throw new InstanceCreation.Failed(Step.CREATE, List.of(Undo.DELETE_INSTANCE), false,
                        new OperationFailedException(operation(Operation.CANCELLED, null)));
            };
            model.finish();
            assertThat(creator.cancels).isEqualTo(1);
            assertThat(seen).containsExactly("Cancelling…");
            assertThat(model.phaseProperty().get()).isEqualTo(Phase.FAILED);
            model.cancelCreation();
            assertThat(creator.cancels).isEqualTo(1);
        }
    }

    private static Operation operation(int status, JsonNode metadata) {
        return new Operation("op1", "task", "Creating instance", null, null, "", status, Map.of(), metadata, true,
                "cancelled", null);
    }

    /** What {@link InstanceCreation} undoes after a failure at each step (pure, so no server needed). */
    @Nested
    class Rollback {

        private final RuntimeException refused = new LxdException("refused", 400, "bad request");

        @Test
        void nothingIsUndoneBeforeTheServerWorkedForUs() {
            assertThat(CreationRollback.after(Step.CHECK_NAME, new ExplainedException("x", "k"))).isEmpty();
            assertThat(CreationRollback.after(Step.IMAGE_SECRET, refused)).isEmpty();
            // A refused request made nothing; a conflict there is someone else's instance, which must stay.
            assertThat(CreationRollback.after(Step.SEND, new dev.hako.lxd.ConflictException("exists", 409,
                    "Instance \"web1\" already exists"))).isEmpty();
        }

        @Test
        void aFailedOrCancelledCreateDeletesWhatTheServerLeft() {
            assertThat(CreationRollback.after(Step.CREATE, new OperationFailedException(
                    operation(Operation.FAILURE, null)))).containsExactly(Undo.DELETE_INSTANCE);
            assertThat(CreationRollback.after(Step.CREATE, new OperationFailedException(
                    operation(Operation.CANCELLED, null)))).containsExactly(Undo.DELETE_INSTANCE);
            // Incus answers the wait itself with the operation's error.
            assertThat(CreationRollback.after(Step.CREATE, new LxdException("wait", 400, "Missing source path")))
                    .containsExactly(Undo.DELETE_INSTANCE);
        }

        @Test
        void aCreateWeStoppedWaitingForIsCancelledFirst() {
            assertThat(CreationRollback.after(Step.CREATE, new LxdException("still running", 0, "timed out")))
                    .containsExactly(Undo.CANCEL_OPERATION, Undo.DELETE_INSTANCE);
            assertThat(CreationRollback.after(Step.CREATE, new dev.hako.lxd.UnreachableException("connection lost",
                    null))).containsExactly(Undo.CANCEL_OPERATION, Undo.DELETE_INSTANCE);
        }

        @Test
        void aFailedStartKeepsTheInstance() {
            assertThat(CreationRollback.after(Step.START, refused)).isEmpty();
        }

        @Test
        void progressIsTheServersTextWithItsPercentage() throws Exception {
            JsonNode download = Json.MAPPER.readTree("{\"download_progress\": \"rootfs: 42% (3.10MB/s)\"}");
            assertThat(OperationProgress.of(operation(Operation.RUNNING, download))).contains(
                    new OperationProgress(0.42, "rootfs: 42% (3.10MB/s)"));
            JsonNode unpack = Json.MAPPER.readTree("{\"create_instance_from_image_unpack_progress\": \"Unpack: 3MB\"}");
            assertThat(OperationProgress.of(operation(Operation.RUNNING, unpack))).contains(
                    new OperationProgress(OperationProgress.UNKNOWN, "Unpack: 3MB"));
            assertThat(OperationProgress.of(operation(Operation.RUNNING, Json.MAPPER.readTree("{\"fs_progress\": 3}"))))
                    .isEmpty();
            assertThat(OperationProgress.of(operation(Operation.RUNNING, null))).isEmpty();
        }
    }

    /** An untrusted image server offers its certificate for checking. */
    @Test
    void anUntrustedImageServerOffersToCheckItsCertificate() {
        RuntimeException untrusted = new SimplestreamsClient.UntrustedServerException("https://images.example",
                false, new javax.net.ssl.SSLHandshakeException("PKIX path building failed"));
        listings.put(ImageSource.ImageServer.class, source -> {
            throw untrusted;
        });
        model.image().sourceProperty().set(model.image().sources().get(2));
        assertThat(model.image().trustOfferedProperty().get()).isTrue();
        assertThat(model.problem(Page.IMAGE)).isEqualTo("The certificate of https://images.example is not signed by"
                + " an authority this computer trusts. Check its fingerprint to pin it.");
        model.image().sourceProperty().set(model.image().sources().get(0));
        assertThat(model.image().trustOfferedProperty().get()).isFalse();
    }
}
