package dk.dkrw.hub.validation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.regex.Pattern;

/**
 * JSON Schema {@code pattern}s are ECMA-262 regular expressions, where {@code $} (without the multiline flag)
 * matches only at the very end of the input. Java's {@code $} also matches before a final line terminator, so
 * {@code "US-1\n"} would pass {@code ^[A-Z0-9-]+$}. This factory compiles patterns with Java's regex engine
 * after rewriting every unescaped {@code $} outside a character class to {@code \z}.
 */
final class EcmaRegexFactory implements RegularExpressionFactory {

    static final EcmaRegexFactory INSTANCE = new EcmaRegexFactory();

    private EcmaRegexFactory() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(toJava(regex));
        return value -> pattern.matcher(value).find();
    }

    static String toJava(String ecma) {
        StringBuilder java = new StringBuilder(ecma.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < ecma.length(); i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < ecma.length()) {
                java.append(c).append(ecma.charAt(++i));
            } else if (c == '[' && !inClass) {
                inClass = true;
                java.append(c);
            } else if (c == ']' && inClass) {
                inClass = false;
                java.append(c);
            } else if (c == '$' && !inClass) {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
