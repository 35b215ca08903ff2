package dev.hako.model.list;

import static dev.hako.model.list.Rows.busyState;
import static dev.hako.model.list.Rows.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InstanceFilterTest {

    private static final InstanceRow WEB1 = instance("web1").config("security.privileged", "true")
            .config("volatile.eth0.hwaddr", "00:16:3e:12:34:56").profileConfig("user.blah", "abc")
            .row(busyState(), 2);
    private static final InstanceRow WEB10 = instance("web10").vm().architecture("aarch64").location("node2")
            .frozen().row(Rows.oneAddress("192.168.7.3"), 0);
    private static final InstanceRow MYWEB = instance("myweb-01").stopped().config("user.comment", "")
            .row();
    private static final InstanceRow DB = instance("db").error().config("user.comment", "main database")
            .config("snapshots.pattern", "snap%d").row();
    private static final List<InstanceRow> ALL = List.of(WEB1, WEB10, MYWEB, DB);

    private static List<String> shown(String filter) {
        return shown(InstanceFilter.parse(filter));
    }

    private static List<String> shown(InstanceFilter filter) {
        return ALL.stream().filter(filter::test).map(r -> r.instance().name()).toList();
    }

    private static ListSyntaxException refusal(String filter) {
        return catchThrowableOfType(ListSyntaxException.class, () -> InstanceFilter.parse(filter));
    }

    private static String say(Locale locale, ListSyntaxException problem) {
        return new I18n(locale).format(problem.messageKey(), problem.messageArguments().toArray());
    }

    @Test
    void noTermsLetEverythingThrough() {
        for (String empty : new String[] {"", "   ", "\u3000", null}) {
            InstanceFilter filter = InstanceFilter.parse(empty);
            assertThat(filter.isEmpty()).isTrue();
            assertThat(shown(filter)).hasSize(ALL.size());
        }
        assertThat(InstanceFilter.parse("web").isEmpty()).isFalse();
    }

    @Test
    void aWordMatchesNamesStartingWithIt() {
        assertThat(shown("web")).containsExactly("web1", "web10");
        assertThat(shown("web1")).containsExactly("web1", "web10");
        assertThat(shown("web10")).containsExactly("web10");
        // Names are compared as typed, like lxc.
        assertThat(shown("Web")).isEmpty();
        assertThat(shown("eb")).isEmpty();
    }

    @Test
    void aRegularExpressionMatchesTheWholeNameUnlessItHasAnAnchor() {
        assertThat(shown("w.b1")).containsExactly("web1");
        assertThat(shown("w.b")).isEmpty();
        assertThat(shown(".*web.*")).containsExactly("web1", "web10", "myweb-01");
        // With ^ or $ lxc searches instead, as its help's example .*web.*01$ shows.
        assertThat(shown("01$")).containsExactly("myweb-01");
        assertThat(shown("^my")).containsExactly("myweb-01");
        assertThat(shown("eb1$")).containsExactly("web1");
        assertThat(shown("web1|db")).containsExactly("web1", "db");
    }

    @Test
    void allTermsMustMatch() {
        assertThat(shown("web type=container")).containsExactly("web1");
        assertThat(shown("type=container status=running")).containsExactly("web1");
        assertThat(shown("web db")).isEmpty();
    }

    @Test
    void shorthandsCompareWithoutRegardToCaseAndTakeAlternatives() {
        assertThat(shown("type=container")).containsExactly("web1", "myweb-01", "db");
        assertThat(shown("type=virtual-machine")).containsExactly("web10");
        assertThat(shown("TYPE=VM")).containsExactly("web10");
        assertThat(shown("status=running")).containsExactly("web1");
        assertThat(shown("Status=STOPPED,error")).containsExactly("myweb-01", "db");
        assertThat(shown("status=frozen")).containsExactly("web10");
        assertThat(shown("status=ready")).isEmpty();
        assertThat(shown("architecture=AARCH64")).containsExactly("web10");
        assertThat(shown("architecture=x86_64,riscv64")).containsExactly("web1", "myweb-01", "db");
        assertThat(shown("location=Node2")).containsExactly("web10");
        assertThat(shown("location=none")).containsExactly("web1", "myweb-01", "db");
    }

    @Test
    void addressesMatchExactlyOrByNetwork() {
        assertThat(shown("ipv4=10.0.3.7")).containsExactly("web1");
        assertThat(shown("ipv4=10.0.3.70")).isEmpty();
        assertThat(shown("ipv4=10.0.3.0/24")).containsExactly("web1");
        assertThat(shown("ipv4=10.0.3.5/24")).containsExactly("web1");
        assertThat(shown("ipv4=10.0.4.0/24")).isEmpty();
        assertThat(shown("ipv4=192.168.0.0/16")).containsExactly("web10");
        assertThat(shown("ipv4=0.0.0.0/0")).containsExactly("web1", "web10");
        assertThat(shown("ipv4=10.0.3.7,192.168.7.3")).containsExactly("web1", "web10");
        // lxc looks at every address of the family, the loopback's and link-local ones too.
        assertThat(shown("ipv4=127.0.0.1")).containsExactly("web1");
        assertThat(shown("ipv4=169.254.0.0/16")).containsExactly("web1");
        assertThat(shown("ipv6=fd42:4242::7")).containsExactly("web1");
        assertThat(shown("ipv6=fd42:4242:0:0:0:0:0:7")).containsExactly("web1");
        assertThat(shown("IPV6=fd42:4242::/64")).containsExactly("web1");
        assertThat(shown("ipv6=fd42:4243::/64")).isEmpty();
        assertThat(shown("ipv6=fe80::/10")).containsExactly("web1");
        // An IPv4 address is not looked for among IPv6 ones.
        assertThat(shown("ipv6=::ffff:10.0.3.7")).isEmpty();
    }

    @Test
    void onlyAddressTermsNeedTheState() {
        assertThat(InstanceFilter.parse("web status=running user.blah=abc").needsState()).isFalse();
        assertThat(InstanceFilter.parse("web ipv4=10.0.0.0/8").needsState()).isTrue();
        assertThat(InstanceFilter.parse("IPv6=fd42::/16").needsState()).isTrue();
    }

    @Test
    void configurationKeysTakeAnAnchoredRegularExpression() {
        assertThat(shown("security.privileged=true")).containsExactly("web1");
        assertThat(shown("security.privileged=tru")).isEmpty();
        assertThat(shown("security.privileged=t.*")).containsExactly("web1");
        assertThat(shown("volatile.eth0.hwaddr=00:16:3e:.*")).containsExactly("web1");
        assertThat(shown("user.comment=main")).isEmpty();
        assertThat(shown("user.comment=^main")).containsExactly("db");
        assertThat(shown("user.comment=.*data.*")).containsExactly("db");
        // The expanded configuration: user.blah comes from a profile.
        assertThat(shown("user.blah=abc")).containsExactly("web1");
        // Quotes keep spaces inside a term, as the shell does for lxc.
        assertThat(shown("user.comment=\"main database\"")).containsExactly("db");
        assertThat(shown("\"user.comment=main database\" db")).containsExactly("db");
    }

    @Test
    void anEmptyValueMatchesAnUnsetOrEmptyKeyAsInLxc() {
        assertThat(shown("user.comment=")).containsExactly("web1", "web10", "myweb-01");
        assertThat(shown("user.comment=.*")).containsExactly("myweb-01", "db");
    }

    @Test
    void keysMayBeAbbreviatedPartByPart() {
        assertThat(shown("s.privileged=true")).containsExactly("web1");
        assertThat(shown("s.p=true")).containsExactly("web1");
        assertThat(shown("u.blah=abc")).containsExactly("web1");
        assertThat(shown("v.e.h=00:16:3e:12:34:56")).containsExactly("web1");
        assertThat(shown("u.c=main database")).isEmpty();
        assertThat(shown("u.c=\"main database\"")).containsExactly("db");
        assertThat(InstanceFilter.abbreviates("s.priv", "security.privileged")).isTrue();
        assertThat(InstanceFilter.abbreviates("security", "security.privileged")).isFalse();
        assertThat(InstanceFilter.abbreviates("s.priv", "security.privileged.extra")).isFalse();
        assertThat(InstanceFilter.abbreviates("x.priv", "security.privileged")).isFalse();
    }

    @Test
    void withTheKeysOnScreenAnAmbiguousAbbreviationIsRefused() {
        Set<String> keys = Set.of("security.privileged", "snapshots.pattern", "user.a", "user.ab");
        ListSyntaxException problem = catchThrowableOfType(ListSyntaxException.class,
                () -> InstanceFilter.parse("web s.p=true", keys));

        assertThat(problem.messageKey()).isEqualTo("lists.filter.ambiguousKey");
        assertThat(problem.part()).isEqualTo("s.p=true");
        assertThat(problem.offset()).isEqualTo(4);
        assertThat(say(Locale.ENGLISH, problem)).isEqualTo("“s.p=true”: “s.p” could be any of security.privileged, "
                + "snapshots.pattern. Write more of the key.");
        assertThat(say(Locale.JAPANESE, problem)).isEqualTo("「s.p=true」: 「s.p」は security.privileged, "
                + "snapshots.pattern のどれにも当てはまります。キーをもう少し長く書いてください。");

        // Unambiguous among the keys: it stands for that key alone.
        assertThat(shown(InstanceFilter.parse("se.p=true", keys))).containsExactly("web1");
        // A whole key is that key, even where it also abbreviates a longer one.
        InstanceRow onlyLonger = instance("x").config("user.ab", "1").row();
        InstanceRow exact = instance("y").config("user.a", "1").row();
        InstanceFilter whole = InstanceFilter.parse("user.a=1", keys);
        assertThat(whole.test(exact)).isTrue();
        assertThat(whole.test(onlyLonger)).isFalse();
        // Without the keys, lxc's own rule: the row matches when any key it abbreviates does.
        assertThat(InstanceFilter.parse("s.p=snap.*").test(DB)).isTrue();
        assertThat(InstanceFilter.parse("user.a=1").test(onlyLonger)).isTrue();
    }

    @Test
    void problemsNameTheTermInBothLanguages() {
        ListSyntaxException status = refusal("web status=runing");
        assertThat(status.messageKey()).isEqualTo("lists.filter.badStatus");
        assertThat(status.part()).isEqualTo("status=runing");
        assertThat(status.offset()).isEqualTo(4);
        assertThat(status.messageArguments()).containsExactly("status=runing", "runing");
        assertThat(say(Locale.ENGLISH, status)).isEqualTo(
                "“status=runing”: “runing” is not an instance state. Use running, stopped, frozen, error or ready.");
        assertThat(say(Locale.JAPANESE, status)).isEqualTo("「status=runing」: 「runing」というインスタンスの状態はありません。"
                + "running、stopped、frozen、error または ready を指定してください。");

        ListSyntaxException regex = refusal("web[");
        assertThat(regex.messageKey()).isEqualTo("lists.filter.badRegex");
        assertThat(say(Locale.JAPANESE, regex)).startsWith("「web[」: 正規表現として読めません（")
                .endsWith("前にバックスラッシュ (\\) を付けてください。");
    }

    @Test
    void everyKindOfProblemHasItsKey() {
        assertThat(refusal("=running").messageKey()).isEqualTo("lists.filter.emptyKey");
        assertThat(refusal("status=").messageKey()).isEqualTo("lists.filter.emptyValue");
        assertThat(refusal("type=container,").messageKey()).isEqualTo("lists.filter.emptyValue");
        assertThat(refusal("ipv4=").messageKey()).isEqualTo("lists.filter.emptyValue");
        assertThat(refusal("type=lxc").messageKey()).isEqualTo("lists.filter.badType");
        assertThat(refusal("type=container,box").messageArguments()).containsExactly("type=container,box", "box");
        assertThat(refusal("name=web").messageKey()).isEqualTo("lists.filter.unknownKey");
        assertThat(refusal("user.comment=(wip").messageKey()).isEqualTo("lists.filter.badRegex");
        assertThat(refusal("a)(b").messageKey()).isEqualTo("lists.filter.badRegex");
        assertThat(refusal("user.comment=\"open").messageKey()).isEqualTo("lists.filter.unclosedQuote");
        for (String bad : List.of("ipv4=10.0.3", "ipv4=10.0.3.256", "ipv4=010.0.3.7", "ipv4=10.0.3.0/33",
                "ipv4=10.0.3.0/", "ipv4=fd42::1", "ipv4=web1", "ipv4=10.0.3.7,x")) {
            assertThat(refusal(bad).messageKey()).as(bad).isEqualTo("lists.filter.badIpv4");
        }
        for (String bad : List.of("ipv6=fd42::1::2", "ipv6=10.0.3.7", "ipv6=fd42::/129", "ipv6=fe80::1%eth0",
                "ipv6=1:2:3:4:5:6:7:8:9", "ipv6=1:2:3:4:5:6:7::8", "ipv6=fd42:", "ipv6=12345::1")) {
            assertThat(refusal(bad).messageKey()).as(bad).isEqualTo("lists.filter.badIpv6");
        }
        assertThat(Stream.of("ipv6=::", "ipv6=::1", "ipv6=::ffff:1.2.3.4", "ipv6=1:2:3:4:5:6:7:8", "ipv6=fe80::/10",
                "ipv4=0.0.0.0/0", "ipv4=255.255.255.255/32")
                .map(InstanceFilter::parse)).allMatch(f -> !f.isEmpty());
    }

    @Test
    void theFilterKeepsItsText() {
        assertThat(InstanceFilter.parse(" web  status=running ")).hasToString(" web  status=running ");
    }
}
