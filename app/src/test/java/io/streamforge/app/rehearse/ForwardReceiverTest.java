package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.runtime.logging.FluentSettings;
import io.streamforge.runtime.logging.ForwardSender;
import io.streamforge.runtime.logging.LogRecord;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * The rehearsal's Fluent-bit stand-in over real loopback sockets: libs/runtime's own {@link
 * ForwardSender} (Forward mode, with acknowledgements) and hand-packed msgpack for Message mode,
 * messages of another shape and bytes that are not msgpack.
 */
class ForwardReceiverTest {
    private static final Instant T = Instant.parse("2025-08-06T13:45:10.5Z");
    private static final long DAY = LocalDate.of(2025, 8, 6).toEpochDay();

    @Test
    void theServicesSenderDeliversWithAcknowledgementsAndRecordsAreCountedPerTagAndDay() {
        try (ForwardReceiver receiver = ForwardReceiver.start();
                ForwardSender sender =
                        new ForwardSender(
                                FluentSettings.defaults("127.0.0.1", receiver.port(), "my-app"))) {
            assertThat(sender.settings().ack())
                    .as("the sender waits for each chunk's ack")
                    .isTrue();
            for (int i = 0; i < 3; i++) {
                sender.offer(LogRecord.of(T, Map.of("message", "m" + i, "level", "INFO")));
            }
            assertThat(sender.flush(Duration.ofSeconds(60)))
                    .as("acknowledged: " + sender.lastError())
                    .isTrue();
            assertThat(receiver.counts())
                    .containsExactly(
                            Map.entry(new ForwardReceiver.TagDay("internal.my-app", DAY), 3L));
            assertThat(sender.delivered()).isEqualTo(3);
        }
    }

    @Test
    void messageModeIsCountedAndAckedAndOtherShapesAreSkippedOnTheSameConnection()
            throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
                Socket s = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
            OutputStream out = s.getOutputStream();
            try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
                p.packArrayHeader(2).packInt(1).packInt(2); // not a message
                p.packString("just a string");
                p.packArrayHeader(4).packString("internal.queue-manager");
                p.packLong(T.getEpochSecond());
                p.packMapHeader(1).packString("message").packString("hello");
                p.packMapHeader(1).packString("chunk").packString("c-1");
                out.write(p.toByteArray());
                out.flush();
            }
            MessageUnpacker in = MessagePack.newDefaultUnpacker(s.getInputStream());
            assertThat(in.unpackMapHeader()).isEqualTo(1);
            assertThat(in.unpackString()).isEqualTo("ack");
            assertThat(in.unpackString()).isEqualTo("c-1");
            assertThat(receiver.counts())
                    .containsExactly(
                            Map.entry(
                                    new ForwardReceiver.TagDay("internal.queue-manager", DAY), 1L));
            assertThat(receiver.skipped()).isEqualTo(2);
        }
    }

    @Test
    void bytesThatAreNotMsgpackCloseThatConnectionOnlyAndTheReceiverKeepsServing()
            throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            try (Socket bad = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
                bad.getOutputStream().write(new byte[] {(byte) 0xc1, 0x01, 0x02});
                bad.getOutputStream().flush();
                InputStream in = bad.getInputStream();
                assertThat(in.read()).as("the receiver closes the connection").isEqualTo(-1);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (receiver.badConnections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(receiver.badConnections()).isEqualTo(1);
            try (ForwardSender sender =
                    new ForwardSender(FluentSettings.defaults("127.0.0.1", receiver.port(), "b"))) {
                sender.offer(LogRecord.of(T, Map.of("message", "after")));
                assertThat(sender.flush(Duration.ofSeconds(60))).isTrue();
            }
            assertThat(receiver.counts().keySet())
                    .containsExactly(new ForwardReceiver.TagDay("internal.b", DAY));
        }
    }

    @Test
    void indexNamesComeFromTheLuaFilterOrItsJavaMirrorAlike() {
        List<ForwardReceiver.TagDay> keys =
                List.of(
                        new ForwardReceiver.TagDay("internal.queue-manager", DAY),
                        new ForwardReceiver.TagDay("internal.My_App", DAY + 1),
                        new ForwardReceiver.TagDay("single", DAY));
        Map<ForwardReceiver.TagDay, String> expected =
                Map.of(
                        keys.get(0), "internal-queue-manager-2025.08.06",
                        keys.get(1), "internal-my_app-2025.08.07",
                        keys.get(2), "unknown-unknown-2025.08.06");
        assertThat(IndexNames.javaMirror().names(keys)).isEqualTo(expected);
        IndexNames chart = IndexNames.of(java.nio.file.Path.of(".."));
        assertThat(chart.names(keys)).as(chart.how()).isEqualTo(expected);
    }
}
