package io.streamforge.sim;

/** A Binance-style error reply: HTTP status plus {@code {"code":..,"msg":".."}}. */
final class ApiError extends RuntimeException {
    static final String DIGITS = "^[0-9]{1,20}$";
    static final String SYMBOL_RANGE = "^[A-Z0-9-_.]{1,20}$";

    final int httpStatus;
    final int code;

    ApiError(int httpStatus, int code, String msg) {
        super(msg, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static ApiError mandatory(String param) {
        return new ApiError(
                400,
                -1102,
                "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    static ApiError illegalChars(String param, String range) {
        return new ApiError(
                400,
                -1100,
                "Illegal characters found in parameter '"
                        + param
                        + "'; legal range is '"
                        + range
                        + "'.");
    }

    static ApiError invalidParam(String param) {
        return new ApiError(400, -1130, "Data sent for parameter '" + param + "' is not valid.");
    }

    static ApiError badSymbol() {
        return new ApiError(400, -1121, "Invalid symbol.");
    }

    static ApiError badInterval() {
        return new ApiError(400, -1120, "Invalid interval.");
    }

    static ApiError moreThanHours(int hours) {
        return new ApiError(
                400, -1127, "More than " + hours + " hours between startTime and endTime.");
    }

    static ApiError badCombo() {
        return new ApiError(400, -1128, "Combination of optional parameters invalid.");
    }

    static ApiError serverBusy(int httpStatus) {
        return new ApiError(
                httpStatus,
                -1008,
                "Server is currently overloaded with other requests. Please try again in a few"
                        + " minutes.");
    }

    static ApiError unknown() {
        return new ApiError(500, -1000, "An unknown error occurred while processing the request.");
    }
}
