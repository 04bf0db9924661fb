package io.streamforge.sim;

/**
 * One stream event, rendered lazily in ms or µs ({@code timeUnit=MICROSECOND}) and cached per unit,
 * so many subscribers share one rendering.
 */
abstract class StreamEvent {
    private final String[] rendered = new String[2];

    abstract void write(com.fasterxml.jackson.core.JsonGenerator g, boolean micros)
            throws java.io.IOException;

    final String json(boolean micros) {
        int k = micros ? 1 : 0;
        String s = rendered[k];
        if (s == null) {
            s = JsonOut.write(g -> write(g, micros));
            rendered[k] = s;
        }
        return s;
    }

    /** An event from a body writer. */
    static StreamEvent of(Writer w) {
        return new StreamEvent() {
            @Override
            void write(com.fasterxml.jackson.core.JsonGenerator g, boolean micros)
                    throws java.io.IOException {
                w.write(g, micros);
            }
        };
    }

    @FunctionalInterface
    interface Writer {
        void write(com.fasterxml.jackson.core.JsonGenerator g, boolean micros)
                throws java.io.IOException;
    }
}
