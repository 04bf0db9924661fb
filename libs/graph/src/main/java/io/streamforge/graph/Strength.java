package io.streamforge.graph;

/** How strong an edge is, for threshold and top-k selection. */
public enum Strength {
    /** {@code |rho|}: strong negative correlation counts as much as strong positive. */
    ABSOLUTE,
    /** {@code rho}: only positive co-movement counts; negative pairs rank last. */
    SIGNED;

    double of(double rho) {
        return this == ABSOLUTE ? Math.abs(rho) : rho;
    }

    String label() {
        return this == ABSOLUTE ? "|rho|" : "rho";
    }
}
