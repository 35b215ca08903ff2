package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameRulesTest {

    @Test
    void acceptsWhatTheServerAccepts() {
        assertThat(NameRules.check("web-01")).isEmpty();
        assertThat(NameRules.check("a")).isEmpty();
        assertThat(NameRules.check("A".repeat(63))).isEmpty();
    }

    @Test
    void refusesWithTheRuleThatWasBroken() {
        assertThat(NameRules.check("")).contains(NameRules.Problem.EMPTY);
        assertThat(NameRules.check(null)).contains(NameRules.Problem.EMPTY);
        assertThat(NameRules.check("a".repeat(64))).contains(NameRules.Problem.TOO_LONG);
        assertThat(NameRules.check("web_01")).contains(NameRules.Problem.BAD_CHARACTER);
        assertThat(NameRules.check("ウェブ")).contains(NameRules.Problem.BAD_CHARACTER);
        assertThat(NameRules.check("web 1")).contains(NameRules.Problem.BAD_CHARACTER);
        assertThat(NameRules.check("1web")).contains(NameRules.Problem.BAD_START);
        assertThat(NameRules.check("-web")).contains(NameRules.Problem.BAD_START);
        assertThat(NameRules.check("web-")).contains(NameRules.Problem.BAD_END);
    }

    @Test
    void poolNamesFollowThePoolRulesOfTheServers() {
        assertThat(NameRules.checkPool("data_1")).isEmpty();
        assertThat(NameRules.checkPool("fast.ssd")).isEmpty();
        assertThat(NameRules.checkPool("1st")).isEmpty();
        assertThat(NameRules.checkPool("プール")).isEmpty();
        assertThat(NameRules.checkPool("")).contains(NameRules.Problem.EMPTY);
        assertThat(NameRules.checkPool("a/b")).contains(NameRules.Problem.SLASH);
        assertThat(NameRules.checkPool("a b")).contains(NameRules.Problem.WHITESPACE);
        assertThat(NameRules.checkPool("a\u3000b")).contains(NameRules.Problem.WHITESPACE);
        assertThat(NameRules.checkPool("..")).contains(NameRules.Problem.DOTS);
    }
}
