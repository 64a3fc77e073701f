package org.independentstudy.benchmark;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A small, honest timer for the benchmark classes (*Benchmark, run only with -Pbenchmark): warms up, then
 * times each call and prints throughput and latency percentiles. Figures, not assertions.
 */
public final class Figures {

    private Figures() {
    }

    public static void measure(String what, int calls, IntFunction<?> call) {
        measure(what, Math.min(calls, 20_000), calls, call);
    }

    /** After {@code warmUp} calls not timed. */
    public static void measure(String what, int warmUp, int calls, IntFunction<?> call) {
        Object sink = null;
        for (int i = 0; i < warmUp; i++) {
            sink = call.apply(i);
        }
        long[] nanos = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            sink = call.apply(i);
            nanos[i] = System.nanoTime() - t;
        }
        long total = System.nanoTime() - start;
        report(what, calls, total, nanos, sink);
    }

    public static void report(String what, int calls, long totalNanos, long[] nanos, Object sink) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCHMARK %-60s %9d calls %12.0f /s  p50 %10s  p95 %10s  p99 %10s%s%n", what, calls,
                calls / (totalNanos / 1e9), human(sorted[sorted.length / 2]),
                human(sorted[(int) (sorted.length * 0.95)]), human(sorted[(int) (sorted.length * 0.99)]),
                sink == null ? " (no result!)" : "");
    }

    private static String human(long nanos) {
        return nanos < 10_000 ? nanos + " ns" : nanos < 10_000_000 ? nanos / 1_000 + " µs" : nanos / 1_000_000 + " ms";
    }
}
