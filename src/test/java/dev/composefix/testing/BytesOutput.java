package dev.composefix.testing;

import dev.composefix.report.EncodedOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/** An {@link EncodedOutput} into memory, as standard output is one: text appended is encoded in its charset. */
public final class BytesOutput implements EncodedOutput {
    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public BytesOutput(Charset charset) {
        this.charset = charset;
    }

    /** What was written and appended, as bytes. */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    public void write(byte[] b) {
        bytes.writeBytes(b);
    }

    @Override
    public Appendable append(CharSequence s) {
        bytes.writeBytes(s.toString().getBytes(charset));
        return this;
    }

    @Override
    public Appendable append(CharSequence s, int start, int end) {
        return append(s.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
        return append(String.valueOf(c));
    }
}
