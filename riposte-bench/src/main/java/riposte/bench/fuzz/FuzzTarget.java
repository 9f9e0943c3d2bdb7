package riposte.bench.fuzz;

/**
 * One parser of outside data, fed generated inputs. {@link #feed} returns normally when the parser answered or
 * refused the input as documented (the target catches the documented exceptions itself); anything it throws is a
 * finding, as is an input that runs longer than the fuzzer's hang limit.
 */
interface FuzzTarget extends AutoCloseable {
    String name();

    /** The next input, mutated from the target's seeds. */
    String next(Mutator m);

    void feed(String input) throws Exception;

    @Override
    default void close() throws Exception {}
}
