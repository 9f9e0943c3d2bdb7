package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SepmPageWalkerTest {

    private static Page<Integer> page(int number, int size, long total, Boolean last, Integer totalPages) {
        List<Integer> content = IntStream.range(number * size, (int) Math.min(total, (long) (number + 1) * size)).boxed().toList();
        return new Page<>(content, number, size, content.size(), total, totalPages, number == 0, last);
    }

    @Test
    void walksEveryPageLazilyOnePageAtATime() {
        List<Integer> asked = new ArrayList<>();
        var stream = PageWalker.<Integer>stream(i -> {
            asked.add(i);
            return page(i - 1, 10, 25, i == 3, 3);
        });
        Iterator<Integer> it = stream.iterator();
        assertThat(asked).isEmpty();
        it.next();
        assertThat(asked).containsExactly(1);
        for (int i = 1; i < 10; i++) it.next();
        assertThat(asked).containsExactly(1);
        it.next();
        assertThat(asked).containsExactly(1, 2);
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertThat(rest).hasSize(14).endsWith(24);
        assertThat(asked).containsExactly(1, 2, 3);
    }

    @Test
    void stopsAtTotalPagesWithoutLastPageFlag() {
        List<Integer> asked = new ArrayList<>();
        long n = PageWalker.<Integer>stream(i -> {
            asked.add(i);
            return page(i - 1, 5, 10, null, 2);
        }).count();
        assertThat(n).isEqualTo(10);
        assertThat(asked).containsExactly(1, 2);
    }

    @Test
    void stopsOnShortPageWhenServerSendsNoPagingFields() {
        List<Integer> asked = new ArrayList<>();
        long n = PageWalker.<Integer>stream(i -> {
            asked.add(i);
            Page<Integer> p = page(i - 1, 5, 12, null, null);
            return new Page<>(p.content(), null, 5, null, null, null, null, null);
        }).count();
        assertThat(n).isEqualTo(12);
        assertThat(asked).containsExactly(1, 2, 3);
    }

    @Test
    void emptyResultMakesOneCall() {
        List<Integer> asked = new ArrayList<>();
        assertThat(PageWalker.<Integer>stream(i -> {
            asked.add(i);
            return new Page<>(List.of(), 0, 20, 0, 0L, 0, true, true);
        }).toList()).isEmpty();
        assertThat(asked).containsExactly(1);
    }

    @Test
    void failsInsteadOfLoopingWhenServerIgnoresPageIndex() {
        var stream = PageWalker.<Integer>stream(i -> page(0, 2, 10, false, 5));
        assertThatThrownBy(stream::count).isInstanceOf(SepmProtocolException.class).hasMessageContaining("page number 0");
    }
}
