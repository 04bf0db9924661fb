package io.streamforge.binance.dump;

import io.streamforge.domain.PermanentException;

/** The archive does not match its {@code .CHECKSUM} (or the checksum file is unreadable). */
public class DumpChecksumException extends PermanentException {
    public DumpChecksumException(String message) {
        super(message);
    }
}
