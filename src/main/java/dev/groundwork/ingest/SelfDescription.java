package dev.groundwork.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a long document says about itself on its first pages, found without a language model: the organisation
 * it is by or about, what kind of document it is, and the period or date it covers. Long documents name these
 * once, on the cover, and then say "the Company" for a hundred pages; their chunks need them to be told apart from
 * the same chapter of another organisation's or another year's version.
 *
 * <p>Every pattern here is bounded (no nested unbounded repetition), and each runs over the first pages only, so
 * reading stays linear in the text it looks at.
 */
final class SelfDescription {

    /** How much of the start of the document counts as its first pages when it has no pages. */
    static final int FIRST_PAGES_CHARS = 12_000;
    private static final int UNPAGED_COVER_CHARS = 3_000;
    private static final int FIRST_PAGES = 3;
    private static final int MAX_NAMES = 24;
    /** How much more a name on the cover counts than one on the pages after it. */
    private static final int COVER_WEIGHT = 3;
    private static final int COUNTED_CHARS = 3_000_000;
    /** Where a document says what kind it is: its title block. */
    private static final int COVER_CHARS = 1_500;

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:" + MONTH + "\\s{1,3}\\d{1,2},?\\s{1,3}\\d{4}"
            + "|\\d{1,2}\\s{1,3}" + MONTH + ",?\\s{1,3}\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b");
    /** "for the fiscal year ended", "quarterly period ended", "six months ended": a period, then its end date. */
    private static final Pattern PERIOD = Pattern.compile(
            "(?i)\\b(fiscal\\s{1,3}year|year|quarterly\\s{1,3}period|quarter|(?:three|six|nine|twelve)\\s{1,3}months"
                    + "|period)\\s{1,3}end(?:ed|ing)\\b");
    /** How far after "ended" the date may stand: cover pages set it in a column of its own. */
    private static final int PERIOD_DATE_REACH = 80;
    private static final Pattern FORM = Pattern.compile("(?i)\\bform\\s{1,3}(\\d[0-9A-Z]{0,5}(?:[-‐‑–][0-9A-Z]{1,4})?)\\b");
    private static final Pattern KIND = Pattern.compile("(?i)\\b(annual\\s+report|quarterly\\s+report"
            + "|interim\\s+report|sustainability\\s+report|technical\\s+report|(?:user|owner)'?s?\\s+(?:manual|guide)"
            + "|installation\\s+guide|reference\\s+manual|service\\s+manual|data\\s?sheet|specification|handbook"
            + "|white\\s?paper|proxy\\s+statement|prospectus|press\\s+release|(?:\\w{1,20}\\s)?agreement|contract"
            + "|policy|invoice|minutes)\\b");
    /** Spaces within one line, or one line break: a name does not run across a blank line into the next block. */
    private static final String SPACE = "(?:[ \\t\\u00A0]{1,3}\\n?|\\n)[ \\t]{0,3}";
    /**
     * A name that ends in a legal form: up to five capitalised words (or digits: "3M"), with "&", "and" or "of"
     * between them. Case-insensitive only in the legal form, so that "the company" in running text is no name.
     */
    private static final Pattern ORGANISATION = Pattern.compile(
            "\\b((?:[A-Z0-9][\\p{L}\\p{N}&'’\\-]{0,30}(?:,|\\.(?=\\s[A-Z]\\w))?" + SPACE + "(?:(?:&|and|of|de|und)" + SPACE + ")?){1,5}"
                    + "(?i:Inc\\.?|Incorporated|Corporation|Corp\\.?|Company|Co\\.|Ltd\\.?|Limited|LLC|L\\.L\\.C\\.|LLP"
                    + "|plc|GmbH|AG|S\\.A\\.|N\\.V\\.|L\\.P\\.|Holdings|Group|Bancorp))(?![\\p{L}\\p{N}])");
    /** Words that make no name on their own: "The Company", "Our Group", "Documents Incorporated". */
    private static final Set<String> NOT_NAMES = Set.of("the", "our", "its", "this", "that", "a", "an", "and", "of",
            "de", "und", "&", "documents", "portions", "part", "item", "parent", "holding", "operating", "smaller",
            "reporting", "emerging", "growth", "accelerated", "registrant", "delaware", "pending", "acquisition",
            "subsidiary", "subsidiaries", "consolidated", "certain", "each", "other", "such");
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corporation", "corp", "company",
            "co", "ltd", "limited", "llc", "l.l.c", "llp", "plc", "gmbh", "ag", "s.a", "n.v", "l.p", "holdings", "group",
            "bancorp");

    private SelfDescription() {
    }

    /**
     * The organisation, kinds, period and date a document's first pages name, in that order, apart by " · ";
     * empty when they name none.
     *
     * @param wholeText the text of the whole document, where the organisation's name is counted
     */
    static String describe(ParsedDocument document, String wholeText) {
        FirstPages first = FirstPages.of(document);
        List<String> parts = new ArrayList<>();
        organisation(first, wholeText).ifPresent(parts::add);
        parts.addAll(kinds(first.text()));
        parts.addAll(period(first.text()));
        return String.join(" · ", parts);
    }

    /**
     * The text of a document's first pages (its first three pages, or the start of a document without pages), and
     * where its cover (the first page, or the first few thousand characters) ends in it.
     */
    record FirstPages(String text, int coverEnd) {

        static FirstPages of(ParsedDocument document) {
            StringBuilder text = new StringBuilder();
            int coverEnd = -1;
            for (ParsedDocument.ParsedPage page : document.pages()) {
                if (document.paged() && page.number() != null && page.number() > FIRST_PAGES) {
                    break;
                }
                text.append(page.text()).append('\n');
                coverEnd = coverEnd < 0 && document.paged() ? text.length() : coverEnd;
                if (text.length() >= FIRST_PAGES_CHARS) {
                    break;
                }
            }
            String first = text.length() > FIRST_PAGES_CHARS ? text.substring(0, FIRST_PAGES_CHARS) : text.toString();
            return new FirstPages(first, Math.min(first.length(), coverEnd < 0 ? UNPAGED_COVER_CHARS : coverEnd));
        }
    }

    /**
     * The organisation named in the first pages whose name (without its legal form) the whole document repeats
     * most: a cover also names stock exchanges, auditors and subsidiaries, but the document is about one.
     */
    static Optional<String> organisation(FirstPages first, String wholeText) {
        Map<String, Name> byCore = new LinkedHashMap<>();
        // Counting is linear in the text for each name: a bounded number of names in a bounded text.
        String counted = wholeText.length() > COUNTED_CHARS ? wholeText.substring(0, COUNTED_CHARS) : wholeText;
        Matcher matcher = ORGANISATION.matcher(first.text());
        while (matcher.find() && byCore.size() < MAX_NAMES) {
            // The cover names what the document is by or about; later pages also name those it deals with.
            int weight = matcher.start() < first.coverEnd() ? COVER_WEIGHT : 1;
            name(oneLine(matcher.group(1)), counted, weight).ifPresent(name -> byCore.merge(name.core(), name,
                    // Prefer the way running text writes it ("NIKE, Inc.") over capitals ("NIKE, INC.").
                    (kept, next) -> lowerCaseLetters(next.written()) > lowerCaseLetters(kept.written()) ? next : kept));
        }
        // A name the document says only once is not what it is about.
        return byCore.values().stream().filter(name -> name.count() > 2)
                .max(Comparator.comparingInt(Name::count)).map(Name::written);
    }

    /**
     * @param written the name as the first pages write it, legal form included
     * @param core    the name without leading common words and legal forms, lower case: what is counted
     * @param count   how often the whole document writes the core, each word capitalised, tripled for a name on the
     *                cover
     */
    private record Name(String written, String core, int count) {
    }

    /**
     * A matched name without the common words it may start with ("Portions of Lockheed Martin Corporation"), and
     * how often the document names it; empty when nothing but common words and legal forms is left ("The Company").
     */
    private static Optional<Name> name(String match, String wholeText, int weight) {
        String[] words = match.split(" ");
        int start = 0;
        while (start < words.length && NOT_NAMES.contains(clean(words[start]))) {
            start++;
        }
        int end = words.length;
        while (end > start && (LEGAL_FORMS.contains(clean(words[end - 1])) || NOT_NAMES.contains(clean(words[end - 1])))) {
            end--;
        }
        if (start == end || Arrays.stream(words, start, end).noneMatch(word -> word.chars().anyMatch(Character::isLetter))) {
            return Optional.empty();
        }
        String core = String.join(" ", Arrays.stream(words, start, end).map(SelfDescription::clean).toList());
        boolean the = start > 0 && clean(words[start - 1]).equals("the");
        String written = String.join(" ", Arrays.copyOfRange(words, the ? start - 1 : start, words.length));
        return Optional.of(new Name(written, core, weight * capitalisedOccurrences(wholeText, core)));
    }

    private static String clean(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[,.]+$", "");
    }

    /** How often the text writes the name (lower case) as a name: a whole word each, each word capitalised. */
    private static int capitalisedOccurrences(String text, String name) {
        int count = 0;
        int length = name.length();
        for (int at = 0; at + length <= text.length(); at++) {
            at = indexOfIgnoreCase(text, name, at);
            if (at < 0) {
                break;
            }
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean wordEnd = at + length >= text.length() || !Character.isLetterOrDigit(text.charAt(at + length));
            count += wordStart && wordEnd && capitalised(text, at, at + length) ? 1 : 0;
        }
        return count;
    }

    private static int indexOfIgnoreCase(String text, String lowerName, int from) {
        for (int at = from; at + lowerName.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, lowerName, 0, lowerName.length())) {
                return at;
            }
        }
        return -1;
    }

    private static boolean capitalised(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            boolean startsWord = i == start || text.charAt(i - 1) == ' ';
            char c = text.charAt(i);
            if (startsWord && Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    private static long lowerCaseLetters(String text) {
        return text.chars().filter(Character::isLowerCase).count();
    }

    /** The form ("Form 10-K") and the first two kinds of document the first pages call themselves. */
    static List<String> kinds(String firstPages) {
        List<String> kinds = new ArrayList<>();
        Matcher form = FORM.matcher(firstPages);
        if (form.find()) {
            kinds.add("Form " + form.group(1).toUpperCase(Locale.ROOT).replaceAll("[‐‑–]", "-"));
        }
        // Only the cover's own words: further down, a report names the other documents it refers to.
        Matcher kind = KIND.matcher(firstPages).region(0, Math.min(firstPages.length(), COVER_CHARS));
        while (kind.find() && kinds.size() < 3) {
            String found = oneLine(kind.group(1));
            // A cover writes what it is as a title ("Annual Report", "USER MANUAL"); running text says "a policy".
            if (capitalised(found, 0, found.length()) && !kinds.contains(found.toLowerCase(Locale.ROOT))) {
                kinds.add(found.toLowerCase(Locale.ROOT));
            }
        }
        return kinds;
    }

    /**
     * The period the document covers ("fiscal year ended December 31, 2018", with the labels people ask by:
     * FY2018, or Q2 2022 for a quarter ending in June), else the first date it gives.
     */
    static List<String> period(String firstPages) {
        Matcher period = PERIOD.matcher(firstPages);
        while (period.find()) {
            Matcher date = DATE.matcher(firstPages);
            date.region(period.end(), Math.min(firstPages.length(), period.end() + PERIOD_DATE_REACH));
            if (date.find()) {
                String kind = oneLine(period.group(1)).toLowerCase(Locale.ROOT);
                String ended = oneLine(date.group());
                List<String> parts = new ArrayList<>(List.of(kind + " ended " + ended));
                String year = ended.replaceAll(".*(\\d{4}).*", "$1");
                if (kind.startsWith("fiscal year") || kind.equals("year")) {
                    parts.add("FY" + year);
                } else if (kind.startsWith("quarter")) {
                    monthOf(ended).ifPresent(month -> parts.add("Q" + ((month + 2) / 3) + " " + year));
                }
                return parts;
            }
        }
        Matcher date = DATE.matcher(firstPages);
        return date.find() ? List.of(oneLine(date.group())) : List.of();
    }

    private static Optional<Integer> monthOf(String date) {
        Matcher iso = Pattern.compile("\\d{4}-(\\d{2})-\\d{2}").matcher(date);
        if (iso.find()) {
            return Optional.of(Integer.parseInt(iso.group(1)));
        }
        String lower = date.toLowerCase(Locale.ROOT);
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (Pattern.compile("\\b" + months[i]).matcher(lower).find()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        return PlainTextStructure.collapse(text);
    }
}
