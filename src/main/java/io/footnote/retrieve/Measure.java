package io.footnote.retrieve;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The dimension a "how much / how fast / how long …" question measures, and whether a sentence gives a number
 * in that dimension's units. "How fast is the new chip?" is answered by "…runs at 3.2GHz", not by "…ten times
 * faster than its predecessor"; "How much did the deal cost?" by "…for £5m", not by "…5,000 jobs". A number
 * alone says nothing of which; its unit does. {@link AnswerType#NUMBER} asks only for a number, and
 * {@link AnswerType#countsNear} covers a question that counts something named ("How many copies…").
 *
 * <p>The units are plain English and symbols (currencies, SI and imperial measures, time spans, percentages),
 * so they hold for any corpus. A question that asks none of these dimensions ({@link #asked} empty) gains
 * nothing from it.
 */
public enum Measure {
    /** how much … cost/pay/worth…, what price/cost/value/fee: an amount of money. */
    MONEY("\\bhow much (?:money\\b|.*\\b(?:cost|costs|pay|paid|pays|spend|spent|worth|price|sell|sold|raise|raised|"
            + "earn|earned|earns|fine|fined|charge|charged|invest|invested|owe|owed|lose|lost|borrow|borrowed|bid|"
            + "offer|offered|value|valued|salary|fee|fees|budget|profit|profits|revenue|sales|bill|tax|compensation|"
            + "damages|award|awarded|deal|loan|debt)\\b)|\\bwhat (?:is|was|were|are|will be)? ?(?:the )?(?:\\p{L}+ )?"
            + "(?:price|cost|value|fee|salary|budget|fine|revenue|profit)\\b",
            "[£$€¥]\\s?\\d|\\d\\s?(?:m|bn|k|million|billion|trillion)?\\s?(?:pounds?|dollars?|euros?|yen|pence|cents?|"
                    + "francs?|rupees?|yuan|roubles?|rubles?|usd|gbp|eur)\\b|\\b(?:us|hk|a|c|nz)\\$\\s?\\d"),
    /** how fast/quickly, what speed: a speed, a rate of work (mph, GHz, Mbps) or of growth (a percentage). */
    SPEED("\\bhow (?:fast|quickly)\\b|\\bwhat (?:is |was )?(?:the )?(?:\\p{L}+ )?speeds?\\b",
            "\\d\\s?%|\\d\\s?per ?cent\\b|\\d\\s?(?:mph|km/h|kph|kmh|knots?|mach|ghz|mhz|khz|mbps|kbps|gbps|mb/s|gb/s|rpm|fps|m/s)\\b|"
                    + "\\d\\s?(?:miles|kilometres|kilometers|metres|meters|frames|bits|megabits|gigabits) "
                    + "(?:an|a|per) (?:hour|second|minute)\\b|\\bmach \\d"),
    /** how long (a time or a length), what period/duration/length. */
    SPAN("\\bhow long\\b|\\bwhat (?:is |was )?(?:the )?(?:period|duration|length)\\b",
            Units.NUMBER + "[\\s-]?(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?|decades?|centuries"
                    + "|nights?|seasons?|terms?|miles?|km|kilometres?|kilometers?|metres?|meters?|m|ft|feet|foot|yards?"
                    + "|inches|inch|cm|mm|light[- ]years?)\\b"),
    /** how old, what age: an age. */
    AGE("\\bhow old\\b|\\b(?:what|which) age\\b|\\bage (?:of|did|was|were|is|does)\\b",
            Units.NUMBER + "[\\s-]?years?[\\s-]old\\b|\\baged \\d|\\bage (?:of )?\\d|" + Units.NUMBER + "-year-old\\b|\\(\\d{1,3}\\)"
                    + "|\\b(?:was|is|turned|turns) \\d{1,3}(?=[,;:)]|\\.(?!\\d)|$| (?:and|when|at|in|on|as|but|while)\\b)"),
    /** how far/tall/high/deep/wide, what distance/height/depth/width: a length. */
    LENGTH("\\bhow (?:far|tall|high|deep|wide)\\b|\\bwhat (?:is |was )?(?:the )?(?:distance|height|depth|width)\\b",
            Units.NUMBER + "[\\s-]?(?:miles?|km|kilometres?|kilometers?|metres?|meters?|m|ft|feet|foot|yards?|inches|inch|cm|mm"
                    + "|nm|nanometres?|nanometers?|microns?|micrometres?|micrometers?|µm|μm|light[- ]years?|storeys?|stories"
                    + "|floors)\\b"),
    /** how heavy, what weight: a mass. */
    WEIGHT("\\bhow heavy\\b|\\bwhat (?:is |was )?(?:the )?weight\\b|\\bhow much (?:does|did|do) .*\\bweigh\\b",
            Units.NUMBER + "[\\s-]?(?:kg|kilos?|kilograms?|tonnes?|tons?|lbs?|pounds|grams?|g|ounces?|oz|stones?)\\b"),
    /** how hot/cold/warm, what temperature: a temperature. */
    TEMPERATURE("\\bhow (?:hot|cold|warm)\\b|^(?:what|how)\\b.*\\btemperatures?\\b",
            "\\d\\s?(?:°|degrees?|celsius|fahrenheit|kelvin|c\\b|f\\b)"),
    /**
     * what percentage/proportion/share/fraction, by how much, how much did it rise: a share, or a change given as
     * a percentage or an amount of money. A fraction in words needs its count ("a fifth", "two-thirds"): "for the
     * fifth time" is an ordinal.
     */
    SHARE("\\bwhat (?:percentage|percent|per cent|proportion|share|fraction)\\b|\\bhow much of\\b|\\bby how much\\b"
            + "|\\bhow many per ?cent\\b|\\bhow much (?:did|does|do|has|have|had|was|were|is|will)\\b.*\\b(?:increase|"
            + "increased|rise|rose|risen|grow|grew|grown|fall|fell|fallen|drop|dropped|decline|declined|reduce|reduced|"
            + "cut|change|changed)\\b",
            "[£$€¥]\\s?\\d|\\d\\s?%|\\d\\s?(?:per ?cent|percentage points?)\\b|\\bhalf\\b|"
                    + "\\b(?:a|one|two|three|four|five|six|seven|eight|nine)[\\s-](?:third|quarter|fifth|sixth|eighth|tenth)s?\\b|"
                    + "\\bone in (?:\\d|two|three|four|five|six|seven|eight|nine|ten)|\\d+ (?:in|out of) (?:every )?\\d"),
    /** how big/large, what size/area: an area or a size. */
    SIZE("\\bhow (?:big|large)\\b|\\bwhat (?:is |was )?(?:the )?(?:size|area)\\b",
            Units.NUMBER + "[\\s-]?(?:square|sq|acres?|hectares?|km2|km²|m2|m²|mi2|gb|tb|mb|kb|megabytes?|gigabytes?"
                    + "|terabytes?|inches|inch|cm|mm|nm|nanometres?|nanometers?|microns?|µm|μm|metres?|meters?|m|ft|feet|miles?|km)\\b"),
    /** how often: a frequency. */
    FREQUENCY("\\bhow (?:often|frequently)\\b",
            "\\bevery (?:\\d|other|few|two|three|four|five|six|year|month|week|day|night|hour|minute|season)|"
                    + "\\btimes? (?:a|an|per|each) (?:year|month|week|day|hour|minute|season)\\b|\\bper (?:year|month|"
                    + "week|day|hour|annum)\\b|\\b(?:annually|yearly|monthly|weekly|daily|hourly|biennially|twice|once a)\\b");

    /** A rate a number question asks about. */
    private static final Pattern RATE = Pattern.compile("\\brates?\\b");
    /**
     * A what-question whose head is a rate: "rate" as its last word or before "for", "in", "at", "among", "since"
     * ("What is the applicant admission rate for the class of 2019?"), not "the rate of change of…", which names
     * a quantity rather than asking a figure.
     */
    private static final Pattern RATE_ASKED = Pattern.compile("^(?:what|which)\\b.*\\brates?(?:\\s*\\?*\\s*$|"
            + " (?:for|in|at|among|since)\\b)");

    private final Pattern asks;
    private final Pattern gives;

    Measure(String asks, String gives) {
        this.asks = Pattern.compile(asks, Pattern.CASE_INSENSITIVE);
        this.gives = Pattern.compile(gives, Pattern.CASE_INSENSITIVE);
    }

    /**
     * The dimension {@code question} measures, from the user's own words (a follow-up's appended context is an
     * earlier question's); {@code null} when it measures none of these or asks for no number at all ("In what
     * area…" asks where). The first that matches wins: a share before money
     * ("By how much did they raise what they charge?" asks a rise, most often a percentage), an age before a span.
     * A question about a rate that names none of these asks a share, whatever its answer type ("What is Kenya's
     * literacy rate?").
     */
    public static Measure asked(String question) {
        String q = DefaultSentenceRetriever.ownQuestion(question).toLowerCase(Locale.ROOT);
        if (AnswerType.of(question) != AnswerType.NUMBER) {
            // "What is South Africa's new corporate tax rate?" names no number word before "rate", yet asks one
            return RATE_ASKED.matcher(q).find() ? SHARE : null;
        }
        for (Measure m : new Measure[]{AGE, SHARE, MONEY, SPEED, WEIGHT, TEMPERATURE, FREQUENCY, LENGTH, SPAN, SIZE}) {
            if (m.asks.matcher(q).find()) {
                return m;
            }
        }
        // "To what level are interest rates expected to rise?": a rate (interest, tax, inflation, unemployment,
        // mortality) is most often given as a percentage, or as money ("a base rate of $5m")
        return RATE.matcher(q).find() ? SHARE : null;
    }

    /** True when {@code sentence} gives a number (or, for a frequency, a rate) in this dimension's units. */
    public boolean givenBy(String sentence) {
        return gives.matcher(sentence).find();
    }

    /** Held apart, as an enum's constants cannot read its own static fields. */
    private static final class Units {
        /** A number as a unit follows it: digits, or a written-out number ("five years", "a dozen miles"). */
        static final String NUMBER = "(?:\\d[\\d,.]*|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                + "eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds?|thousands?|millions?|dozens?|several|"
                + "few|many))(?:\\s?(?:m|bn|million|billion|thousand|hundred))?";

        private Units() {
        }
    }
}
