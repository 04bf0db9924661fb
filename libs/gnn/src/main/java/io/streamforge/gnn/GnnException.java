package io.streamforge.gnn;

/** Unchecked failure of the GNN runtime: engine setup, persistence I/O, corrupt model files. */
public class GnnException extends RuntimeException {
    public GnnException(String message) {
        super(message);
    }

    public GnnException(String message, Throwable cause) {
        super(message, cause);
    }
}
