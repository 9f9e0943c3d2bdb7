package riposte.core.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

/**
 * Parses raw messages with Apache James mime4j, leniently: a malformed header, an unknown charset or a broken part is
 * recorded in {@link MailMessage#problems()} and reading goes on. Every output is bounded (headers, recipients, text,
 * nesting), so a hostile message costs at most its own size in memory. HTML parts are reduced to text by jsoup, a
 * real HTML parser: scripts, styles and markup never reach the text.
 */
public final class MailParser {
    /** Text kept per message; the rest is noted as truncated. */
    public static final int MAX_TEXT = 2 * 1024 * 1024;
    static final int MAX_HEADERS = 200;
    static final int MAX_HEADER_VALUE = 4000;
    static final int MAX_RECIPIENTS = 100;
    static final int MAX_PARTS = 1000;
    static final int MAX_DEPTH = 10;

    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setStrictParsing(false).setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(100_000)
            .setMaxContentLen(-1).setMalformedHeaderStartsBody(true).build();

    private MailParser() {}

    /** Parses {@code raw}; throws {@link MailParseException} only when nothing can be read at all. */
    public static MailMessage parse(byte[] raw) {
        Message message;
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(CONFIG);
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            message = builder.parseMessage(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            throw new MailParseException("not a readable message: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + clean(e.getMessage(), 300)), e);
        }
        var walk = new Walk();
        List<MailMessage.Header> headers = new ArrayList<>();
        int fieldCount = 0;
        for (Field f : message.getHeader().getFields()) {
            if (++fieldCount > MAX_HEADERS) continue;
            headers.add(new MailMessage.Header(clean(f.getName(), 200), header(f.getBody())));
        }
        if (fieldCount > MAX_HEADERS) walk.problems.add(fieldCount + " header fields: only the first " + MAX_HEADERS + " are kept");
        String subject = safe(walk, "Subject", () -> message.getSubject() == null ? null : clean(message.getSubject(), 1000));
        String from = safe(walk, "From", () -> firstAddress(message.getFrom()));
        if (from == null && message.getSender() != null) from = safe(walk, "Sender", () -> message.getSender().getAddress().toLowerCase(Locale.ROOT));
        String messageId = safe(walk, "Message-ID", () -> messageId(message.getMessageId()));
        Instant date = safe(walk, "Date", () -> message.getDate() == null ? null : message.getDate().toInstant());
        List<String> recipients = new ArrayList<>();
        int[] count = {0};
        safe(walk, "To", () -> addAddresses(message.getTo(), recipients, count));
        safe(walk, "Cc", () -> addAddresses(message.getCc(), recipients, count));
        walk.body(message.getBody(), message, 0);
        message.dispose();
        return new MailMessage(messageId, subject, from, recipients, count[0], date, headers, walk.text(),
                walk.attachments, walk.problems);
    }

    private interface Read<T> { T get(); }

    private static <T> T safe(Walk walk, String header, Read<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            walk.problems.add("the " + header + " header cannot be read: " + clean(String.valueOf(e.getMessage()), 200));
            return null;
        }
    }

    private static String firstAddress(MailboxList list) {
        if (list == null || list.isEmpty()) return null;
        String address = list.get(0).getAddress();
        return address == null ? null : clean(address, 320).toLowerCase(Locale.ROOT);
    }

    private static Void addAddresses(AddressList list, List<String> into, int[] count) {
        if (list == null) return null;
        for (Address a : list) {
            List<Mailbox> boxes = a instanceof Group g ? g.getMailboxes() : a instanceof Mailbox m ? List.of(m) : List.of();
            for (Mailbox m : boxes) {
                count[0]++;
                if (into.size() < MAX_RECIPIENTS && m.getAddress() != null) into.add(clean(m.getAddress(), 320).toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }

    private static String messageId(String raw) {
        if (raw == null) return null;
        String id = clean(raw, 1000).strip();
        if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1).strip();
        return id.isEmpty() ? null : id;
    }

    private static String header(String body) {
        String decoded;
        try {
            decoded = DecoderUtil.decodeEncodedWords(body, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            decoded = body;
        }
        return clean(decoded, MAX_HEADER_VALUE);
    }

    /** Control characters (CR and LF included) become spaces; runs of white space one; at most {@code max} chars. */
    static String clean(String s, int max) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c);
            if (blank) {
                if (!space && b.length() > 0) b.append(' ');
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString().strip();
    }

    /** The state of one walk over the body tree. */
    private static final class Walk {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<MailMessage.Part> attachments = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int parts;
        boolean truncated;

        void body(Body body, Entity entity, int depth) {
            if (++parts > MAX_PARTS) {
                if (parts == MAX_PARTS + 1) problems.add("more than " + MAX_PARTS + " parts: the rest are not read");
                return;
            }
            if (depth > MAX_DEPTH) {
                problems.add("parts nested deeper than " + MAX_DEPTH + " levels are not read");
                return;
            }
            try {
                switch (body) {
                    case Multipart multipart -> {
                        for (Entity part : multipart.getBodyParts()) body(part.getBody(), part, depth + 1);
                    }
                    case Message forwarded -> forwarded(forwarded, depth);
                    case TextBody text when isAttachment(entity) -> attachment(entity, text);
                    case TextBody text -> text(entity, text);
                    case SingleBody single -> attachment(entity, single);
                    default -> problems.add("a part of type " + entity.getMimeType() + " cannot be read");
                }
            } catch (IOException | RuntimeException e) {
                problems.add("a " + clean(entity.getMimeType(), 100) + " part cannot be read: "
                        + clean(String.valueOf(e.getMessage()), 200));
            }
        }

        private void forwarded(Message m, int depth) {
            StringBuilder target = plain;
            append(target, "\n---------- Forwarded message ----------\n");
            if (m.getFrom() != null && !m.getFrom().isEmpty()) append(target, "From: " + clean(String.valueOf(m.getFrom().get(0).getAddress()), 320) + "\n");
            if (m.getSubject() != null) append(target, "Subject: " + clean(m.getSubject(), 1000) + "\n");
            append(target, "\n");
            body(m.getBody(), m, depth + 1);
        }

        private static boolean isAttachment(Entity entity) {
            return "attachment".equalsIgnoreCase(entity.getDispositionType()) || fileName(entity) != null;
        }

        /** Content-Disposition's filename, else Content-Type's older name parameter. */
        private static String fileName(Entity entity) {
            if (entity.getFilename() != null) return entity.getFilename();
            return entity.getHeader() != null
                    && entity.getHeader().getField("Content-Type") instanceof ContentTypeField type
                    ? type.getParameter("name") : null;
        }

        private void text(Entity entity, TextBody body) throws IOException {
            byte[] bytes = readBounded(body.getInputStream(), MAX_TEXT);
            String decoded = decode(bytes, entity.getCharset());
            if (entity.getMimeType().equalsIgnoreCase("text/html")) {
                append(html, htmlToText(decoded));
            } else {
                append(plain, decoded);
                append(plain, "\n");
            }
        }

        private void attachment(Entity entity, SingleBody body) throws IOException {
            long size;
            try (InputStream in = body.getInputStream()) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String name = fileName(entity);
            attachments.add(new MailMessage.Part(name == null ? null : clean(name, 255), clean(entity.getMimeType(), 200), size));
        }

        private String decode(byte[] bytes, String charsetName) {
            Charset charset = null;
            if (charsetName != null) {
                try {
                    charset = Charset.forName(charsetName.strip());
                } catch (RuntimeException e) {
                    problems.add("unknown charset '" + clean(charsetName, 60) + "': read as UTF-8 or ISO-8859-1");
                }
            }
            if (charset == null) charset = StandardCharsets.UTF_8;
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                if (charsetName != null) problems.add("text not valid in " + charset.name() + ": read as ISO-8859-1");
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }

        private byte[] readBounded(InputStream in, int max) throws IOException {
            try (in) {
                byte[] bytes = in.readNBytes(max);
                if (in.read() >= 0) {
                    truncated = true;
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return bytes;
            }
        }

        private void append(StringBuilder b, String s) {
            int room = MAX_TEXT - plain.length() - html.length();
            if (room <= 0) {
                truncated = true;
                return;
            }
            if (s.length() > room) {
                truncated = true;
                b.append(s, 0, room);
            } else {
                b.append(s);
            }
        }

        String text() {
            if (truncated) problems.add("the text is longer than " + MAX_TEXT + " characters: the rest is not read");
            // Plain text first: senders of multipart/alternative put the same words in both.
            String text = plain.isEmpty() ? html.toString() : plain.toString();
            return text.replace("\r\n", "\n").replace('\r', '\n');
        }
    }

    /** HTML to text with line breaks where blocks end; no script, style or head content. */
    static String htmlToText(String htmlSource) {
        Document doc = Jsoup.parse(htmlSource);
        doc.select("script, style, head, noscript, template").remove();
        doc.select("br, p, div, tr, li, h1, h2, h3, h4, h5, h6, table, pre, blockquote").forEach(e -> e.after(new TextNode("\n")));
        doc.select("td, th").forEach(e -> e.after(new TextNode(" ")));
        String text = doc.body() == null ? doc.wholeText() : doc.body().wholeText();
        return text.replace('\u00a0', ' ');
    }
}
