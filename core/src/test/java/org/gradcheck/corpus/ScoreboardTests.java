package org.gradcheck.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scoreboard's tables, read from the peers' rules, whose figures do not depend on GradCheck's engine. */
class ScoreboardTests {

    @Test
    void theScoreboardScoresFiveRulesThePeersOnBothCorpora() {
        List<Scoreboard.ScoredRule> rules = Scoreboard.rules();
        assertEquals(List.of("default settings", "screening strategy (gradient cases: Jacobian checks have no strategies)",
                "the article's method (fixed step 1e-7, no refinement; gradient cases)", PeerRules.ARTICLE.title(),
                PeerRules.PYTORCH.title()), rules.stream().map(Scoreboard.ScoredRule::title).collect(Collectors.toList()));
        assertTrue(rules.get(0).jacobian() != null && rules.get(3).jacobian() != null && rules.get(4).jacobian() != null);
        assertTrue(!rules.get(3).localises() && rules.get(4).localises());
    }

    @Test
    void aTableHasARowPerCorpusKindAndCategory() {
        List<String> lines = table(Scoreboard.rules().get(4));
        assertEquals("GradCheck verdict corpus, " + PeerRules.PYTORCH.title() + ": " + Corpus.cases().size()
                + " gradient cases, " + JacobianCorpus.cases().size() + " Jacobian cases", lines.get(0));
        assertEquals("corpus   kind              category                     cases  detected localised false alarms",
                lines.get(1));
        for (String corpus : new String[] {"gradient", "jacobian"}) {
            for (String category : Categories.LATER) {
                assertTrue(lines.stream().anyMatch(line -> line.startsWith(corpus) && line.contains(" " + category + " ")),
                        "no " + corpus + " row of category " + category);
            }
        }
        assertTrue(lines.contains("gradient bug               tie                              7       7/7       7/7            -"),
                "every tie bug fails PyTorch's rule");
        assertTrue(lines.contains("gradient correct           tie                             13         -         -        10/13"),
                "and most right subgradients at a tie too");
    }

    @Test
    void thePeersFiguresArePinned() {
        assertTotals(Scoreboard.rules().get(4),
                "total (gradient): bugs detected 67/79, localised 58/79; false alarms 57/93; unresolvable cases not passed 9/11,"
                        + " as required 9/11; non-deterministic functions and bad inputs reported 0/17",
                "total (jacobian): bugs detected 30/33, localised 19/33; false alarms 32/44; unresolvable cases not passed 7/8,"
                        + " as required 7/8; non-deterministic functions and bad inputs reported 0/6");
        assertTotals(Scoreboard.rules().get(3),
                "total (gradient): bugs detected 73/79, localised -; false alarms 58/93; unresolvable cases not passed 9/11,"
                        + " as required 9/11; non-deterministic functions and bad inputs reported 0/17",
                "total (jacobian): bugs detected 30/33, localised -; false alarms 32/44; unresolvable cases not passed 7/8,"
                        + " as required 7/8; non-deterministic functions and bad inputs reported 0/6");
    }

    private static void assertTotals(Scoreboard.ScoredRule rule, String gradient, String jacobian) {
        List<String> lines = table(rule);
        List<String> totals = lines.stream().filter(line -> line.startsWith("total")).collect(Collectors.toList());
        assertEquals(List.of(gradient, jacobian), totals);
        assertEquals("not as required:", lines.get(lines.indexOf(jacobian) + 1));
    }

    private static List<String> table(Scoreboard.ScoredRule rule) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Scoreboard.print(rule, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
    }
}
